package dev.tickflow.localstack;

import dev.tickflow.localstack.process.PidFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code DATA-DIR/run}: a {@link PidFile} per process {@code tickflow up} started on the data directory
 * ({@code kafka.pid}, {@code registry.pid}, {@code <service>.pid}), written by each process as it starts and deleted
 * when it exits cleanly. What is left there after up was killed tells the next up what to stop.
 */
public final class RunDirectory {
    static final String KAFKA = "kafka";
    static final String REGISTRY = "registry";
    private static final String SUFFIX = ".pid";
    static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Path directory;

    public RunDirectory(Path dataDir) {
        this.directory = dataDir.resolve("run");
    }

    /** Where {@code part} (kafka, registry or a service's name) records itself. */
    Path pidFile(String part) {
        return directory.resolve(part + SUFFIX);
    }

    /**
     * Stops every process an earlier up on this data directory left running (SIGTERM, then SIGKILL after
     * {@link #LEFTOVER_STOP_GRACE}), printing what it stops, and deletes the records of processes that are gone. A record
     * whose process id now belongs to another process (a different start instant or command line) is only deleted.
     *
     * @throws IllegalStateException when the up that started them still runs: this data directory is in use
     */
    public void stopLeftovers(PrintWriter out) {
        List<PidFile> leftovers = new ArrayList<>();
        for (PidFile record : records()) {
            if (record.runningProcess().isEmpty()) {
                delete(record.path());
            } else if (record.parentRunning()) {
                ProcessHandle up = record.parent().flatMap(parent -> parent.running()).orElseThrow();
                throw new IllegalStateException("Another 'tickflow up' (pid " + up.pid() + ") is running on " + directory.getParent()
                        + ". Stop it first (Ctrl+C in its terminal, or kill " + up.pid() + "), or use another --data-dir.");
            } else {
                leftovers.add(record);
            }
        }
        if (leftovers.isEmpty()) {
            return;
        }
        out.printf("  Stopping what an earlier 'tickflow up' left running: %s ...%n",
                String.join(", ", leftovers.stream().map(record -> part(record) + " (pid " + record.process().pid() + ")").toList()));
        out.flush();
        long start = System.nanoTime();
        leftovers.forEach(record -> record.runningProcess().ifPresent(ProcessHandle::destroy));
        for (PidFile record : leftovers) {
            stop(record);
            delete(record.path());
        }
        out.printf("    stopped (%.1f s)%n", (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private static void stop(PidFile record) {
        if (awaitGone(record, LEFTOVER_STOP_GRACE)) {
            return;
        }
        record.runningProcess().ifPresent(ProcessHandle::destroyForcibly);
        if (!awaitGone(record, KILL_WAIT)) {
            throw new IllegalStateException("Cannot stop " + part(record) + " (pid " + record.process().pid() + ") left running by an earlier"
                    + " 'tickflow up': kill it (kill -9 " + record.process().pid() + ") and start again.");
        }
    }

    private static boolean awaitGone(PidFile record, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (record.runningProcess().isPresent()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping " + part(record), e);
            }
        }
        return true;
    }

    private List<PidFile> records() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<PidFile> records = new ArrayList<>();
            files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().forEach(file ->
                    PidFile.read(file).ifPresentOrElse(records::add, () -> delete(file)));
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String part(PidFile record) {
        String name = record.path().getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
