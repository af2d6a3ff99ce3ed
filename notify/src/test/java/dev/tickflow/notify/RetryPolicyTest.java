package dev.tickflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.serde.ExponentialBackoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, new ExponentialBackoff(500, 4_000));

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.waitBefore(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.waitBefore(2, Optional.empty())).isEqualTo(Duration.ofMillis(1_000));
        assertThat(policy.waitBefore(3, Optional.empty())).isEqualTo(Duration.ofMillis(2_000));
        assertThat(policy.waitBefore(4, Optional.empty())).isEqualTo(Duration.ofMillis(4_000));
        assertThat(policy.waitBefore(9, Optional.empty())).isEqualTo(Duration.ofMillis(4_000));
    }

    @Test
    void honoursALongerRetryAfterUpToTheCap() {
        assertThat(policy.waitBefore(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.waitBefore(3, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.waitBefore(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        assertThat(RetryPolicy.parseRetryAfter("3", now)).contains(Duration.ofSeconds(3));
        assertThat(RetryPolicy.parseRetryAfter("Sat, 05 Dec 2026 10:00:07 GMT", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter("Sat, 05 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-1", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
    }

    @Test
    void retriesTimeoutsThrottlingAndServerErrorsOnly() {
        assertThat(RetryPolicy.isRetryable(429)).isTrue();
        assertThat(RetryPolicy.isRetryable(408)).isTrue();
        assertThat(RetryPolicy.isRetryable(500)).isTrue();
        assertThat(RetryPolicy.isRetryable(503)).isTrue();
        assertThat(RetryPolicy.isRetryable(400)).isFalse();
        assertThat(RetryPolicy.isRetryable(401)).isFalse();
        assertThat(RetryPolicy.isRetryable(404)).isFalse();
        assertThat(RetryPolicy.isSuccess(204)).isTrue();
        assertThat(RetryPolicy.isSuccess(302)).isFalse();
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, new ExponentialBackoff(1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
