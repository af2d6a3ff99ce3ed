package dev.tickflow.backtest;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Prints a progress line every so often while trades (or klines) are read: count, share of bytes, rate. */
public final class Progress {
    /** The clock is looked at once per this many records only. */
    private static final int CHECK_EVERY = 1024;

    private final PrintWriter out;
    private final Duration every;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final String unit;
    private long nextReportNanos;

    public Progress(PrintWriter out, Duration every, LongSupplier nanoTime) {
        this(out, every, nanoTime, "trades");
    }

    /** @param unit what is counted, such as {@code trades} or {@code klines} */
    public Progress(PrintWriter out, Duration every, LongSupplier nanoTime, String unit) {
        this.out = out;
        this.unit = unit;
        this.every = every;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.nextReportNanos = startNanos + every.toNanos();
    }

    /** Reports when the interval has passed; cheap to call for every trade. */
    public void tradeRead(long trades, long bytesRead, long totalBytes) {
        if (trades % CHECK_EVERY != 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now < nextReportNanos) {
            return;
        }
        nextReportNanos = now + every.toNanos();
        double percent = totalBytes == 0 ? 100 : 100.0 * bytesRead / totalBytes;
        out.printf(Locale.ROOT, "backtest: %,d %s read, %.1f%% of %s, %,d %s/s%n",
                trades, unit, percent, megabytes(totalBytes), perSecond(trades, elapsed()), unit);
        out.flush();
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    static long perSecond(long count, Duration elapsed) {
        long nanos = Math.max(elapsed.toNanos(), 1);
        return (long) (count * 1e9 / nanos);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
