package dev.tickflow.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress of one benchmark phase on the terminal, at most every two seconds. */
final class BenchProgress {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private final String phase;
    private final long total;
    private final long start = System.nanoTime();
    private long lastReport = start;

    BenchProgress(PrintWriter out, String phase, long total) {
        this.out = out;
        this.phase = phase;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastReport < EVERY_NANOS) {
            return;
        }
        lastReport = now;
        double seconds = (now - start) / 1e9;
        out.printf(Locale.ROOT, "  %s: %,d of %,d (%.0f%%), %,.0f/s%n", phase, done, total, total == 0 ? 100.0 : 100.0 * done / total,
                done / seconds);
        out.flush();
    }
}
