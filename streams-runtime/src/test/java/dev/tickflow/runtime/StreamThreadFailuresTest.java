package dev.tickflow.runtime;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {
    private final MutableClock clock = new MutableClock();
    private final StreamThreadFailures failures = new StreamThreadFailures("test", clock);

    @Test
    void replacesTheThreadOnATransientErrorAnywhereInTheCauses() {
        StreamsException wrapped = new StreamsException("task failed", new TimeoutException("no leader"));
        assertThat(failures.handle(wrapped)).isEqualTo(REPLACE_THREAD);
        assertThat(failures.fatalError()).isNull();
    }

    @Test
    void shutsTheClientDownOnAnyOtherError() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(failures.handle(new StreamsException(bug))).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(failures.fatalError()).hasCause(bug);
    }

    @Test
    void shutsTheClientDownWhenTransientErrorsKeepComing() {
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            assertThat(failures.handle(new TimeoutException("t" + i))).isEqualTo(REPLACE_THREAD);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(failures.handle(new TimeoutException("again"))).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void forgetsReplacementsOlderThanTheWindow() {
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            failures.handle(new TimeoutException("t" + i));
        }
        clock.advance(StreamThreadFailures.WINDOW.plusSeconds(1));
        assertThat(failures.handle(new TimeoutException("later"))).isEqualTo(REPLACE_THREAD);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
