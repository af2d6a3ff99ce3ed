package dev.tickflow.executor.oms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * A warning log that writes at most one line per key and interval, and says how many it held back, so that an
 * exchange failing for every signal or refresh does not flood the log.
 */
public final class ThrottledLog {
    /** How often one kind of warning is written at most. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Instant> lastWritten = new HashMap<>();
    private final Map<String, Integer> heldBack = new HashMap<>();

    public ThrottledLog(Logger log) {
        this(log, DEFAULT_INTERVAL, Clock.systemUTC());
    }

    public ThrottledLog(Logger log, Duration interval, Clock clock) {
        this.log = log;
        this.interval = interval;
        this.clock = clock;
    }

    /** Writes the warning unless one of {@code kind} was written less than the interval ago; returns whether it wrote. */
    public boolean warn(String kind, String format, Object... arguments) {
        Instant now = clock.instant();
        Instant last = lastWritten.get(kind);
        if (last != null && now.isBefore(last.plus(interval))) {
            heldBack.merge(kind, 1, Integer::sum);
            return false;
        }
        lastWritten.put(kind, now);
        Integer held = heldBack.remove(kind);
        if (held == null) {
            log.warn(format, arguments);
        } else {
            log.warn(format + " [{} more of '{}' held back in the last {} s]", append(arguments, held, kind, interval.toSeconds()));
        }
        return true;
    }

    private static Object[] append(Object[] arguments, Object... more) {
        Object[] all = new Object[arguments.length + more.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }
}
