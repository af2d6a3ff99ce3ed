package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    @Test
    void doublesFromTheFirstWaitUpToTheCap() {
        ExponentialBackoff backoff = new ExponentialBackoff(1_000, 20_000);

        assertThat(IntStream.rangeClosed(1, 7).mapToLong(backoff::delayMs).toArray())
                .containsExactly(1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000);
    }

    @Test
    void staysAtTheCapForAnyNumberOfRetries() {
        ExponentialBackoff backoff = new ExponentialBackoff(3, Long.MAX_VALUE - 1);

        assertThat(backoff.delayMs(Integer.MAX_VALUE)).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void aFirstWaitAboveTheCapIsCapped() {
        assertThat(new ExponentialBackoff(5_000, 1_000).delayMs(1)).isEqualTo(1_000);
    }

    @Test
    void retriesCountFromOne() {
        assertThatThrownBy(() -> new ExponentialBackoff(1, 2).delayMs(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
