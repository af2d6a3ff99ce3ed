package dev.tickflow.notify;

import dev.tickflow.serde.ExponentialBackoff;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How often and how long a delivery is retried: at most {@code maxAttempts} attempts, waiting with capped exponential
 * back-off between them; a Retry-After the receiver sends is honoured up to the back-off's cap.
 */
public record RetryPolicy(int maxAttempts, ExponentialBackoff backoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** Whether an answer with this HTTP status is worth another attempt: 408, 429 and every 5xx. */
    public static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** The wait before retry number {@code retry} (1 for the first): the back-off, or the receiver's Retry-After if longer, never above the cap. */
    public Duration waitBefore(int retry, Optional<Duration> retryAfter) {
        long wait = backoff.delayMs(retry);
        if (retryAfter.isPresent()) {
            wait = Math.max(wait, Math.min(retryAfter.get().toMillis(), backoff.maxMs()));
        }
        return Duration.ofMillis(wait);
    }

    /** A Retry-After header's value, in seconds or as an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(now, at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
