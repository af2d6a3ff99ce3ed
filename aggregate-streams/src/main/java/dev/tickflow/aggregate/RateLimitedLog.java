package dev.tickflow.aggregate;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/** Logs a warning at most once per period and says how many occurrences were not logged in between. */
final class RateLimitedLog {
    private final Logger logger;
    private final long periodMs;
    private final LongSupplier clock;
    private long nextAllowed = Long.MIN_VALUE;
    private long suppressed;

    RateLimitedLog(Logger logger, long periodMs, LongSupplier clock) {
        this.logger = logger;
        this.periodMs = periodMs;
        this.clock = clock;
    }

    /** Returns whether this occurrence was logged. */
    boolean warn(String format, Object... arguments) {
        long now = clock.getAsLong();
        if (now < nextAllowed) {
            suppressed++;
            return false;
        }
        if (suppressed > 0) {
            logger.warn("({} similar messages suppressed in the last {} ms)", suppressed, periodMs);
            suppressed = 0;
        }
        logger.warn(format, arguments);
        nextAllowed = now + periodMs;
        return true;
    }
}
