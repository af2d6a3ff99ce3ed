package dev.tickflow.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Lets at most one tick per symbol through per interval (clock in nanoseconds, as from {@link System#nanoTime()}). */
final class TickThrottle {
    private final long intervalNanos;
    private final Map<String, Long> lastSent = new HashMap<>();

    TickThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    synchronized boolean admit(String symbol, long nowNanos) {
        Long last = lastSent.get(symbol);
        if (last != null && nowNanos - last < intervalNanos) {
            return false;
        }
        lastSent.put(symbol, nowNanos);
        return true;
    }
}
