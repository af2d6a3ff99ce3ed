package dev.tickflow.api.view;

import java.time.Instant;
import java.util.Objects;

/**
 * A query's window on a record time: {@code from} inclusive, {@code to} exclusive, either open; at most
 * {@code limit} records, the most recent ones of the window.
 */
public record TimeRange(Instant from, Instant to, int limit) {

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    public static TimeRange latest(int limit) {
        return new TimeRange(null, null, limit);
    }

    public boolean contains(Instant time) {
        Objects.requireNonNull(time, "time");
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }
}
