package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegistryAvailabilityTest {
    private static final String REGISTRY = "http://127.0.0.1:8081";

    private final MovableClock clock = new MovableClock();
    private final RegistryAvailability availability = new RegistryAvailability(clock);

    @Test
    void anOutageLastsFromTheFirstFailureToTheNextAnswer() {
        assertThat(availability.currentOutage()).isEmpty();

        availability.unavailable(REGISTRY, "fetch the schema with id 1", "connection refused");
        clock.advance(Duration.ofSeconds(12));
        availability.unavailable(REGISTRY, "fetch the schema with id 1", "connection refused");
        assertThat(availability.currentOutage()).contains(Duration.ofSeconds(12));

        availability.answered(REGISTRY);
        assertThat(availability.currentOutage()).isEmpty();
    }

    @Test
    void anOutageIsLoggedAtItsStartThenAtMostOncePerInterval() {
        assertThat(availability.unavailable(REGISTRY, "register", "HTTP 503")).as("start").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(availability.unavailable(REGISTRY, "register", "HTTP 503")).isFalse();
        clock.advance(RegistryAvailability.LOG_INTERVAL);
        assertThat(availability.unavailable(REGISTRY, "register", "HTTP 503")).as("after the interval").isTrue();
        assertThat(availability.unavailable(REGISTRY, "register", "HTTP 503")).isFalse();

        availability.answered(REGISTRY);
        assertThat(availability.unavailable(REGISTRY, "register", "HTTP 503")).as("a new outage").isTrue();
    }

    @Test
    void eachRegistryHasItsOwnOutage() {
        availability.unavailable(REGISTRY, "register", "HTTP 503");
        clock.advance(Duration.ofSeconds(5));
        availability.unavailable("http://other:8081", "register", "connection refused");
        clock.advance(Duration.ofSeconds(5));

        availability.answered("http://other:8081");
        assertThat(availability.currentOutage()).contains(Duration.ofSeconds(10));
        availability.answered(REGISTRY);
        assertThat(availability.currentOutage()).isEmpty();
    }

    @Test
    void waitsAreCountedAcrossOutages() {
        availability.waiting();
        availability.answered(REGISTRY);
        availability.waiting();

        assertThat(availability.waits()).isEqualTo(2);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
