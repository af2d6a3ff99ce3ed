package dev.tickflow.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of one service's JVM: its heap as the JVM reports it ({@code jcmd <pid> GC.heap_info}, which the JDK
 * answers for any collector), the time its collections paused it ({@code jcmd <pid> PerfCounter.print}) and its
 * resident set from {@code /proc/<pid>/status}. A heap that is too small for what the service keeps shows as pauses,
 * not as a heap above its {@code -Xmx}.
 *
 * @param heapUsedBytes    every generation's used bytes, garbage not yet collected included
 * @param oldGenUsedBytes  the old (tenured) generation's used bytes: what survived collections, the figure that grows
 *                         when something leaks; equal to the heap for a collector without generations
 * @param heapCommittedBytes what the JVM holds for its heap now (at most its {@code -Xmx})
 * @param gc                 the JVM's time in collection pauses and its uptime, both since it started
 */
public record ServiceMemory(String service, long pid, long heapUsedBytes, long oldGenUsedBytes, long heapCommittedBytes, long rssBytes,
                            GcTime gc) {
    private static final Pattern GENERATION = Pattern.compile("^\\s*(.*?)\\s+total (\\d+)K, used (\\d+)K", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);
    private static final Pattern COUNTER = Pattern.compile("^(sun\\.gc\\.collector\\.\\d+\\.time|sun\\.os\\.hrt\\.ticks|sun\\.os\\.hrt\\.frequency)=(\\d+)$",
            Pattern.MULTILINE);
    private static final long KIB = 1024;

    /** Measures the process; throws when it is gone or the JDK's {@code jcmd} cannot attach to it. */
    public static ServiceMemory measure(String service, long pid) throws IOException, InterruptedException {
        String heapInfo = run(jcmd(), String.valueOf(pid), "GC.heap_info");
        String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"), StandardCharsets.UTF_8);
        Heap heap = parseHeapInfo(heapInfo);
        GcTime gc = parseGcTime(run(jcmd(), String.valueOf(pid), "PerfCounter.print"));
        return new ServiceMemory(service, pid, heap.used(), heap.oldUsed(), heap.committed(), parseRss(status), gc);
    }

    record Heap(long used, long oldUsed, long committed) {
    }

    /** Seconds in collection pauses and seconds of uptime, both since the JVM started. */
    public record GcTime(double pausedSeconds, double uptimeSeconds) {

        /** The share of the wall time since {@code earlier} the JVM spent paused, in percent. */
        public double percentSince(GcTime earlier) {
            double elapsed = uptimeSeconds - earlier.uptimeSeconds;
            return elapsed <= 0 ? 0 : 100 * (pausedSeconds - earlier.pausedSeconds) / elapsed;
        }
    }

    /** The JVM's own counters: every collector's {@code sun.gc.collector.<n>.time} and the uptime, in high-resolution ticks. */
    static GcTime parseGcTime(String perfCounters) {
        long paused = 0;
        long uptime = -1;
        long frequency = -1;
        Matcher matcher = COUNTER.matcher(perfCounters);
        while (matcher.find()) {
            long value = Long.parseLong(matcher.group(2));
            switch (matcher.group(1)) {
                case "sun.os.hrt.ticks" -> uptime = value;
                case "sun.os.hrt.frequency" -> frequency = value;
                default -> paused += value;
            }
        }
        if (uptime < 0 || frequency <= 0) {
            throw new IllegalArgumentException("No sun.os.hrt.ticks or sun.os.hrt.frequency in the JVM's PerfCounter.print answer");
        }
        return new GcTime((double) paused / frequency, (double) uptime / frequency);
    }

    /** The heap of a {@code GC.heap_info} answer: "def new generation total 4928K, used 1024K", "tenured generation ...", "garbage-first heap ...". */
    static Heap parseHeapInfo(String heapInfo) {
        long used = 0;
        long committed = 0;
        long oldUsed = -1;
        Matcher matcher = GENERATION.matcher(heapInfo);
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase();
            if (name.contains("metaspace") || name.contains("class space")) {
                continue;
            }
            long total = Long.parseLong(matcher.group(2)) * KIB;
            long generationUsed = Long.parseLong(matcher.group(3)) * KIB;
            committed += total;
            used += generationUsed;
            if (name.contains("tenured") || name.contains("old")) {
                oldUsed = generationUsed;
            }
        }
        if (committed == 0) {
            throw new IllegalArgumentException("No heap in the JVM's GC.heap_info answer: " + heapInfo.strip());
        }
        return new Heap(used, oldUsed < 0 ? used : oldUsed, committed);
    }

    static long parseRss(String procStatus) {
        Matcher matcher = RSS.matcher(procStatus);
        if (!matcher.find()) {
            throw new IllegalArgumentException("No VmRSS line in /proc/<pid>/status");
        }
        return Long.parseLong(matcher.group(1)) * KIB;
    }

    private static String jcmd() {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }
}
