package dev.tickflow.ingest.replay;

/**
 * Binance's public files give trade times in milliseconds since the epoch before 2025-01-01 and in
 * microseconds from then on. The unit is told by magnitude: a value above 10^14 cannot be a millisecond
 * time before the year 5138, so it is taken as microseconds. Microseconds are truncated to the
 * millisecond, the resolution of {@code Trade.tradeTime}; candles are aligned to whole minutes, so no
 * trade changes candle by it, and ties within a millisecond are ordered by trade id.
 */
public final class BinanceTimestamps {
    static final long MICROSECONDS_ABOVE = 100_000_000_000_000L;

    private BinanceTimestamps() {
    }

    /** Epoch milliseconds of a Binance file timestamp in milliseconds or microseconds. */
    public static long toEpochMilli(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative timestamp " + value);
        }
        return value > MICROSECONDS_ABOVE ? Math.floorDiv(value, 1_000L) : value;
    }
}
