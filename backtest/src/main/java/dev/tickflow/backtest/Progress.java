package dev.tickflow.backtest;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress while trades (or klines) are read: records read, share of the input's bytes, rate and time left. On a
 * terminal, one line redrawn with a bar a few times a second; otherwise a line every so often.
 */
public final class Progress {
    /** The clock is looked at once per this many records only. */
    private static final int CHECK_EVERY = 1024;
    private static final Duration REDRAW_EVERY = Duration.ofMillis(250);
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final Duration every;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final String unit;
    private final long totalBytes;
    private final boolean terminal;
    private long nextReportNanos;
    private int drawnWidth;

    /**
     * @param unit       what is counted, such as {@code trades} or {@code klines}
     * @param totalBytes the input's size (compressed size for .zip and .gz)
     * @param terminal   whether {@code out} is a terminal
     */
    public Progress(PrintWriter out, Duration every, LongSupplier nanoTime, String unit, long totalBytes, boolean terminal) {
        this.out = out;
        this.unit = unit;
        this.every = terminal ? REDRAW_EVERY : every;
        this.nanoTime = nanoTime;
        this.totalBytes = totalBytes;
        this.terminal = terminal;
        this.startNanos = nanoTime.getAsLong();
        this.nextReportNanos = startNanos + this.every.toNanos();
    }

    /** Reports when the interval has passed; cheap to call for every record. */
    public void read(long records, long bytesRead) {
        read(records, () -> bytesRead);
    }

    /** Reports when the interval has passed, asking for the bytes read only then; cheap to call for every record. */
    public void read(long records, LongSupplier bytesRead) {
        if (records % CHECK_EVERY != 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now < nextReportNanos) {
            return;
        }
        nextReportNanos = now + every.toNanos();
        report(records, bytesRead.getAsLong(), Duration.ofNanos(now - startNanos));
    }

    /** Ends the redrawn line on a terminal with the final figures; nothing otherwise. */
    public void finished(long records, long bytesRead) {
        if (terminal && drawnWidth > 0) {
            report(records, bytesRead, elapsed());
            out.println();
            out.flush();
        }
    }

    private void report(long records, long bytesRead, Duration elapsed) {
        double share = totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        String figures = String.format(Locale.ROOT, "%,d %s read, %.1f%% of %s, %,d %s/s, ETA %s", records, unit, share * 100,
                megabytes(totalBytes), perSecond(records, elapsed), unit, eta(bytesRead, totalBytes, elapsed));
        if (terminal) {
            int filled = (int) Math.round(share * BAR_WIDTH);
            String line = "backtest [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + figures;
            out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            drawnWidth = line.length();
        } else {
            out.println("backtest: " + figures);
        }
        out.flush();
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    static long perSecond(long count, Duration elapsed) {
        long nanos = Math.max(elapsed.toNanos(), 1);
        return (long) (count * 1e9 / nanos);
    }

    /** The time left at the rate so far in bytes, as {@code 1:02:03} or {@code 02:03}; {@code ?} before any byte. */
    static String eta(long bytesRead, long totalBytes, Duration elapsed) {
        if (bytesRead <= 0) {
            return "?";
        }
        long left = Math.max(0, totalBytes - bytesRead);
        long seconds = (long) Math.ceil(elapsed.toNanos() / 1e9 * left / bytesRead);
        long hours = seconds / 3600;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
