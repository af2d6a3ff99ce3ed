package dev.tickflow.ingest.binance;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When the next REST request may go out under Binance's IP limits: not before the end of a 429's or a 418's
 * Retry-After (without the header, until the next minute for a 429 and for Binance's shortest ban, 2 minutes, for a
 * 418), and, when the X-MBX-USED-WEIGHT-1M header of the last answer leaves no room for one more request under
 * {@code maxWeightPerMinute}, not before the next minute. Times are epoch milliseconds; not thread-safe.
 */
final class RestWeightBudget {
    /** Weight of GET /api/v3/aggTrades. */
    static final int AGG_TRADES_WEIGHT = 4;
    static final Duration SHORTEST_BAN = Duration.ofMinutes(2);
    private static final long MINUTE_MS = 60_000;

    private final int maxWeightPerMinute;
    private long blockedUntil;
    private long weightMinute = Long.MIN_VALUE;
    private int usedWeight;

    RestWeightBudget(int maxWeightPerMinute) {
        if (maxWeightPerMinute < AGG_TRADES_WEIGHT) {
            throw new IllegalArgumentException("maxWeightPerMinute must allow one request (" + AGG_TRADES_WEIGHT + "), not " + maxWeightPerMinute);
        }
        this.maxWeightPerMinute = maxWeightPerMinute;
    }

    /** How long to wait before the next request; zero when it may go now. */
    Duration waitBeforeRequest(long nowMs) {
        long until = blockedUntil;
        if (weightMinute == minuteOf(nowMs) && usedWeight + AGG_TRADES_WEIGHT > maxWeightPerMinute) {
            until = Math.max(until, (weightMinute + 1) * MINUTE_MS);
        }
        return Duration.ofMillis(Math.max(0, until - nowMs));
    }

    /** An answer arrived at {@code nowMs} with the used weight of the current minute, if it said. */
    void answered(long nowMs, OptionalInt usedWeight1m) {
        if (usedWeight1m.isPresent()) {
            weightMinute = minuteOf(nowMs);
            usedWeight = usedWeight1m.getAsInt();
        }
    }

    /**
     * A 429 (too many requests) or 418 (IP banned) arrived at {@code nowMs}; returns how long no request may go out.
     */
    Duration refused(long nowMs, int status, Optional<Duration> retryAfter) {
        long wait = retryAfter.map(Duration::toMillis).orElseGet(() -> status == 418
                ? SHORTEST_BAN.toMillis()
                : (minuteOf(nowMs) + 1) * MINUTE_MS - nowMs);
        blockedUntil = Math.max(blockedUntil, nowMs + wait);
        return Duration.ofMillis(blockedUntil - nowMs);
    }

    private static long minuteOf(long ms) {
        return Math.floorDiv(ms, MINUTE_MS);
    }
}
