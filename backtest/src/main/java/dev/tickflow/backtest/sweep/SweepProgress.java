package dev.tickflow.backtest.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Runs done of the total, rate and ETA on stderr, at most every {@code every}, and once at the end. */
public final class SweepProgress {
    private final PrintWriter out;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final long start;
    private final int total;
    private int done;
    private long lastPrinted;

    public SweepProgress(PrintWriter out, Duration every, LongSupplier nanoTime, int total) {
        this.out = out;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastPrinted = start;
        this.total = total;
    }

    public synchronized void runDone() {
        done++;
        long now = nanoTime.getAsLong();
        if (done == total || now - lastPrinted >= everyNanos) {
            lastPrinted = now;
            out.println(line(done, total, now - start));
            out.flush();
        }
    }

    public synchronized int done() {
        return done;
    }

    /** e.g. {@code sweep: 120/600 runs (20.0%), 35.2 runs/s, ETA 14s} */
    static String line(int done, int total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? formatSeconds((long) Math.ceil((total - done) / rate)) : "?";
        return String.format(Locale.ROOT, "sweep: %,d/%,d runs (%.1f%%), %.1f runs/s, ETA %s", done, total, 100.0 * done / total, rate, eta);
    }

    static String formatSeconds(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
