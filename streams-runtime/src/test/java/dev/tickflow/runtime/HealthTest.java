package dev.tickflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthTest {

    @Test
    void upWhileRunning() {
        Health health = Health.of(State.RUNNING);
        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.json()).isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}");
    }

    @Test
    void upWhileRebalancing() {
        assertThat(Health.of(State.REBALANCING).httpStatus()).isEqualTo(200);
    }

    @Test
    void upWhileWaitingForTheSchemaRegistryWithTheWaitAsDetail() {
        Health health = Health.of(State.RUNNING, Optional.of(Duration.ofSeconds(21)));
        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.json())
                .isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\",\"detail\":\"waiting for the schema registry (unavailable for 21 s)\"}");
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"CREATED", "PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR"})
    void downOtherwise(State state) {
        Health health = Health.of(state);
        assertThat(health.httpStatus()).isEqualTo(503);
        assertThat(health.json()).isEqualTo("{\"status\":\"DOWN\",\"state\":\"" + state + "\"}");
    }
}
