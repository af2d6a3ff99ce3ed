package dev.tickflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.OperationalEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ServiceFailureEventsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final List<OperationalEvent> published = new ArrayList<>();
    private final ServiceFailureEvents events = new ServiceFailureEvents("executor", Clock.fixed(NOW, ZoneOffset.UTC), published::add);

    @Test
    void aReplacedThreadIsAWarningAndRunningAgainARecovery() {
        events.threadFailed(new IllegalStateException("wrapped", new TimeoutException("leader unavailable")), StreamThreadExceptionResponse.REPLACE_THREAD);
        events.threadFailed(new TimeoutException("again"), StreamThreadExceptionResponse.REPLACE_THREAD);
        events.stateChanged(State.REBALANCING);
        events.stateChanged(State.RUNNING);
        events.stateChanged(State.RUNNING);

        assertThat(published).extracting(OperationalEvent::getKind, OperationalEvent::getSeverity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SERVICE_FAILED", "WARNING"),
                        org.assertj.core.groups.Tuple.tuple("SERVICE_RECOVERED", "INFO"));
        OperationalEvent failed = published.get(0);
        assertThat(failed.getService()).isEqualTo("executor");
        assertThat(failed.getMessage()).contains("TimeoutException: leader unavailable", "replaced");
        assertThat(failed.getDetails()).containsEntry("error", IllegalStateException.class.getName());
        assertThat(failed.getEventTime()).isEqualTo(NOW);
        assertThat(failed.getEventId()).isEqualTo("executor:SERVICE_FAILED:WARNING:" + NOW.toEpochMilli());
    }

    @Test
    void aShutdownIsCriticalOnceAndNeverRecovers() {
        events.threadFailed(new IllegalStateException("cannot process poison"), StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        events.stateChanged(State.PENDING_ERROR);
        events.stateChanged(State.ERROR);

        assertThat(published).hasSize(1);
        assertThat(published.get(0).getKind()).isEqualTo("SERVICE_FAILED");
        assertThat(published.get(0).getSeverity()).isEqualTo("CRITICAL");
        assertThat(published.get(0).getMessage()).contains("cannot process poison", "must be restarted");
    }

    @Test
    void errorWithoutAFailedThreadIsCriticalToo() {
        events.stateChanged(State.ERROR);

        assertThat(published).singleElement().satisfies(event -> assertThat(event.getSeverity()).isEqualTo("CRITICAL"));
    }

    @Test
    void credentialsInAnErrorMessageAreHidden() {
        events.threadFailed(new IllegalStateException("cannot reach http://user:pass@127.0.0.1:8081/"), StreamThreadExceptionResponse.REPLACE_THREAD);

        assertThat(published.get(0).getMessage()).doesNotContain("user:pass");
    }
}
