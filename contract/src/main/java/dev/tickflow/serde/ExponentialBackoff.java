package dev.tickflow.serde;

/**
  * Capped exponential back-off: the first retry waits {@code initialMs}, each later one twice the one before, never
  * more than {@code maxMs}.
  */
public record ExponentialBackoff(long initialMs, long maxMs) {

    public ExponentialBackoff {
        if (initialMs < 0 || maxMs < 0) {
            throw new IllegalArgumentException("back-off times must not be negative: " + initialMs + ", " + maxMs);
        }
    }

    /** How long to wait before retry number {@code retry} (1 for the first retry). */
    public long delayMs(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, got " + retry);
        }
        long wait = Math.min(initialMs, maxMs);
        for (int i = 1; i < retry && wait < maxMs; i++) {
            wait = wait > maxMs / 2 ? maxMs : wait * 2;
        }
        return wait;
    }
}
