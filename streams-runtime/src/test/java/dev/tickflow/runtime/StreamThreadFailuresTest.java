package dev.tickflow.runtime;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.SchemaRegistryUnavailableException;
import dev.tickflow.serde.SerdeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {
    private final MutableClock clock = new MutableClock();
    private final List<Duration> waits = new ArrayList<>();
    private final StreamThreadFailures failures = new StreamThreadFailures("test", clock, waits::add);

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

    @Test
    void waitsOutARegistryOutageWithGrowingBackOffAndReplacesTheThreadEveryTime() {
        Exception unavailable = registryUnavailable();
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS + 3; i++) {
            assertThat(failures.handle(new StreamsException("task failed", unavailable))).isEqualTo(REPLACE_THREAD);
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(waits).extracting(Duration::toMillis).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L);
        assertThat(failures.fatalError()).isNull();
        assertThat(failures.handle(new TimeoutException("transient errors keep their own budget"))).isEqualTo(REPLACE_THREAD);
    }

    @Test
    void aLaterOutageStartsTheBackOffOver() {
        Exception unavailable = registryUnavailable();
        failures.handle(unavailable);
        failures.handle(unavailable);
        clock.advance(StreamThreadFailures.REGISTRY_BACKOFF_RESET.plusSeconds(1));
        failures.handle(unavailable);

        assertThat(waits).extracting(Duration::toMillis).containsExactly(1_000L, 2_000L, 1_000L);
    }

    /** A real one: the serde against a port nobody listens on, without waiting. */
    private static Exception registryUnavailable() {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + port,
                SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, 0), false);
        Exception failure = catchException(() -> deserializer.deserialize("md.trades", new byte[] {0, 0, 0, 0, 1, 2}));
        assertThat(failure).isInstanceOf(SchemaRegistryUnavailableException.class);
        return failure;
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
