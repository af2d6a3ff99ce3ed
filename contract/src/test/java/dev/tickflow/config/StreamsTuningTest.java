package dev.tickflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamsTuningTest {
    private static final StreamsTuning TUNING = new StreamsTuning(30, 40, 50, 2, 7, 9);

    @Test
    void aServicesDefaultsReachItsStreamsClientsUnlessSet() {
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of(), TUNING.defineOn(CommonConfig.definition("tickflow-test")));

        assertThat(config.streamsProperties())
                .containsEntry("commit.interval.ms", 30L)
                .containsEntry("poll.ms", 40L)
                .containsEntry("fetch.max.wait.ms", 50)
                .containsEntry("linger.ms", 2L)
                .containsEntry("producer.retry.backoff.ms", 7L)
                .containsEntry("producer.retry.backoff.max.ms", 9L)
                .containsEntry("bootstrap.servers", CommonConfig.LOCAL_BOOTSTRAP_SERVERS)
                .doesNotContainKey(StreamsTuning.COMMIT_INTERVAL_MS);
        assertThat(config.describe()).containsEntry(StreamsTuning.COMMIT_INTERVAL_MS, "30");
    }

    @Test
    void theEnvironmentOverridesADefault() {
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_KAFKA_COMMIT_INTERVAL_MS", "200"),
                TUNING.defineOn(CommonConfig.definition("tickflow-test")));

        assertThat(config.streamsProperties()).containsEntry("commit.interval.ms", "200").containsEntry("poll.ms", 40L);
    }
}
