package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.config.TickflowConfig;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AggregateSettingsTest {

    @Test
    void theTasksDoNotIdleByDefaultAndTheEnvironmentCanSayOtherwise() {
        TickflowConfig defaults = TickflowConfig.load(Optional.empty(), Map.of(), AggregateSettings.definition());
        TickflowConfig set = TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_KAFKA_MAX_TASK_IDLE_MS", "0"), AggregateSettings.definition());

        assertThat(defaults.streamsProperties()).containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        assertThat(set.streamsProperties()).containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0");
    }
}
