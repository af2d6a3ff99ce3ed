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
 * answers for any collector) and its resident set from {@code /proc/<pid>/status}.
 *
 * @param heapUsedBytes    every generation's used bytes, garbage not yet collected included
 * @param oldGenUsedBytes  the old (tenured) generation's used bytes: what survived collections, the figure that grows
 *                         when something leaks; equal to the heap for a collector without generations
 * @param heapCommittedBytes what the JVM holds for its heap now (at most its {@code -Xmx})
 */
public record ServiceMemory(String service, long pid, long heapUsedBytes, long oldGenUsedBytes, long heapCommittedBytes, long rssBytes) {
    private static final Pattern GENERATION = Pattern.compile("^\\s*(.*?)\\s+total (\\d+)K, used (\\d+)K", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);
    private static final long KIB = 1024;

    /** Measures the process; throws when it is gone or the JDK's {@code jcmd} cannot attach to it. */
    public static ServiceMemory measure(String service, long pid) throws IOException, InterruptedException {
        String heapInfo = run(jcmd(), String.valueOf(pid), "GC.heap_info");
        String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"), StandardCharsets.UTF_8);
        Heap heap = parseHeapInfo(heapInfo);
        return new ServiceMemory(service, pid, heap.used(), heap.oldUsed(), heap.committed(), parseRss(status));
    }

    record Heap(long used, long oldUsed, long committed) {
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
