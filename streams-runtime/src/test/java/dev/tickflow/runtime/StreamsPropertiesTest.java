package dev.tickflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.TickflowConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void configuredKeysThenTheTopologysOverrides() {
        Path stateDir = dir.resolve("state/nested");
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of(
                "TICKFLOW_STATE_DIR", stateDir.toString(),
                "TICKFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "TICKFLOW_KAFKA_STATESTORE_CACHE_MAX_BYTES", "1000"), CommonConfig.definition("svc", 0));
        StreamsApp app = new FixedTopologyApp("svc", topology(), Map.of("statestore.cache.max.bytes", 0, "errors.dead.letter.queue.topic.name", "dlq"));

        Properties properties = StreamsProperties.build(config, app);

        assertThat(properties)
                .containsEntry("application.id", "svc")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("statestore.cache.max.bytes", 0)
                .containsEntry("errors.dead.letter.queue.topic.name", "dlq")
                .containsEntry("state.dir", stateDir.toString());
        assertThat(stateDir).isDirectory();
    }

    @Test
    void registryOutagesAreWaitedOutByDefaultAndATopologyMayNameOtherHandlers() {
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_STATE_DIR", dir.resolve("s").toString()),
                CommonConfig.definition("svc", 0));

        assertThat(StreamsProperties.build(config, new FixedTopologyApp("svc", topology())))
                .containsEntry("deserialization.exception.handler", RegistryAwareDeserializationHandler.class.getName())
                .containsEntry("production.exception.handler", RegistryAwareProductionHandler.class.getName());
        assertThat(StreamsProperties.build(config, new FixedTopologyApp("svc", topology(),
                Map.of("deserialization.exception.handler", "org.apache.kafka.streams.errors.LogAndFailExceptionHandler"))))
                .containsEntry("deserialization.exception.handler", "org.apache.kafka.streams.errors.LogAndFailExceptionHandler");
    }

    @Test
    void anUnusableStateDirFailsWithItsName() throws Exception {
        Path file = Files.createFile(dir.resolve("a-file"));
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_STATE_DIR", file.resolve("state").toString()),
                CommonConfig.definition("svc", 0));

        assertThatThrownBy(() -> StreamsProperties.build(config, new FixedTopologyApp("svc", topology())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("state.dir")
                .hasMessageContaining(file.toString());
    }

    private static org.apache.kafka.streams.Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        return builder.build();
    }
}
