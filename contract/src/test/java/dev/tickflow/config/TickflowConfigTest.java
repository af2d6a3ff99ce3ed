package dev.tickflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickflowConfigTest {
    private static final ConfigDef DEFINITION = CommonConfig.definition("tickflow-test");

    @TempDir
    Path dir;

    @Test
    void defaultsReachTheLocalStack() {
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of(), DEFINITION);

        assertThat(config.kafkaClientProperties()).containsEntry("bootstrap.servers", CommonConfig.LOCAL_BOOTSTRAP_SERVERS);
        assertThat(config.getString(ConfigKeys.SCHEMA_REGISTRY_URL)).isEqualTo(CommonConfig.LOCAL_SCHEMA_REGISTRY_URL);
        assertThat(config.streamsProperties())
                .containsEntry("application.id", "tickflow-test")
                .containsEntry("processing.guarantee", "exactly_once_v2");
    }

    @Test
    void fileValuesAreOverriddenByTheEnvironment() throws IOException {
        Path file = write("kafka.bootstrap.servers=broker-1:9092\napplication.id=from-file\nnum.stream.threads=2\n");

        TickflowConfig config = TickflowConfig.load(Optional.of(file),
                Map.of("TICKFLOW_APPLICATION_ID", "from-env", "PATH", "/usr/bin"), DEFINITION);

        assertThat(config.getString(ConfigKeys.APPLICATION_ID)).isEqualTo("from-env");
        assertThat(config.getInt(ConfigKeys.NUM_STREAM_THREADS)).isEqualTo(2);
        assertThat(config.kafkaClientProperties()).containsEntry("bootstrap.servers", "broker-1:9092");
    }

    @Test
    void kafkaKeysPassThroughWithoutPrefix() throws IOException {
        Path file = write("kafka.security.protocol=SASL_SSL\nkafka.sasl.mechanism=PLAIN\n");

        TickflowConfig config = TickflowConfig.load(Optional.of(file),
                Map.of("TICKFLOW_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;"), DEFINITION);

        assertThat(config.kafkaClientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsKey("sasl.jaas.config");
        assertThat(config.streamsProperties()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void environmentVariableNamesMapToKeys() {
        assertThat(TickflowConfig.keyOfEnvironmentVariable("TICKFLOW_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka.bootstrap.servers");
        assertThat(TickflowConfig.keyOfEnvironmentVariable("TICKFLOW_TOPIC_MD_TRADES_PARTITIONS")).isEqualTo("topic.md.trades.partitions");
        assertThat(TickflowConfig.keyOfEnvironmentVariable("TICKFLOW_SOME__KEY")).isEqualTo("some_key");
    }

    @Test
    void unknownKeyInFileIsRejectedWithASuggestion() throws IOException {
        Path file = write("num.stream.thread=2\n");

        assertThatThrownBy(() -> TickflowConfig.load(Optional.of(file), Map.of(), DEFINITION))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'num.stream.thread'")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("did you mean 'num.stream.threads'");
    }

    @Test
    void unknownEnvironmentVariableIsIgnored() {
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_NOT_A_SETTING", "x"), DEFINITION);

        assertThat(config.describe()).doesNotContainKey("not.a.setting");
    }

    @Test
    void badValueNamesTheKey() throws IOException {
        Path file = write("num.stream.threads=zero\n");

        assertThatThrownBy(() -> TickflowConfig.load(Optional.of(file), Map.of(), DEFINITION))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("num.stream.threads")
                .hasMessageContaining("zero");
    }

    @Test
    void badCandleIntervalsAreRejected() {
        assertThatThrownBy(() -> TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_CANDLES_INTERVALS", "1m,7m"), DEFINITION))
                .isInstanceOf(ConfigException.class).hasMessageContaining("candles.intervals").hasMessageContaining("7m");
        assertThatThrownBy(() -> TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_CANDLES_INTERVALS", "5m"), DEFINITION))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must include 1m");
    }

    @Test
    void missingFileIsAClearError() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> TickflowConfig.load(Optional.of(missing), Map.of(), DEFINITION))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.properties").hasMessageContaining("does not exist");
    }

    @Test
    void describeRedactsSecrets() throws IOException {
        Path file = write("""
                schema.registry.basic.auth.user.info=alice:s3cret-pass
                schema.registry.url=http://bob:hunter2@registry:8081/apis/ccompat/v7
                kafka.sasl.jaas.config=PlainLoginModule required username="u" password="jaas-pass";
                kafka.ssl.keystore.password=keystore-pass
                """);

        TickflowConfig config = TickflowConfig.load(Optional.of(file), Map.of(), DEFINITION);
        String printed = config.describe().toString() + config;

        assertThat(printed).doesNotContain("s3cret-pass", "hunter2", "jaas-pass", "keystore-pass")
                .contains("schema.registry.basic.auth.user.info=" + Secrets.REDACTED)
                .contains("kafka.ssl.keystore.password=" + Secrets.REDACTED)
                .contains("http://" + Secrets.REDACTED + "@registry:8081");
        assertThat(config.secret(ConfigKeys.SCHEMA_REGISTRY_USER_INFO)).isEqualTo("alice:s3cret-pass");
        assertThat(config.serdeProperties()).containsEntry("basic.auth.user.info", "alice:s3cret-pass");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, text);
        return file;
    }
}
