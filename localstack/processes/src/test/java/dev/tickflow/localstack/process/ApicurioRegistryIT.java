package dev.tickflow.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.localstack.process.ConfluentApi.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryIT {

    private static final String TRADE_V1 = """
            {"type":"record","name":"Trade","namespace":"dev.tickflow.schema","fields":[
              {"name":"symbol","type":"string"},
              {"name":"price","type":"string"}]}""";
    /** Adds a field with a default: readers of the new schema can read old data. */
    private static final String TRADE_V2_COMPATIBLE = """
            {"type":"record","name":"Trade","namespace":"dev.tickflow.schema","fields":[
              {"name":"symbol","type":"string"},
              {"name":"price","type":"string"},
              {"name":"exchange","type":"string","default":"BINANCE"}]}""";
    /** Adds a field without a default: not BACKWARD compatible. */
    private static final String TRADE_V2_INCOMPATIBLE = """
            {"type":"record","name":"Trade","namespace":"dev.tickflow.schema","fields":[
              {"name":"symbol","type":"string"},
              {"name":"price","type":"string"},
              {"name":"quantity","type":"string"}]}""";

    /** In memory, shared by the tests that each use subjects of their own. */
    private static ApicurioRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = ApicurioRegistry.builder().logFile(Path.of("target", "apicurio-registry.log")).start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void registeredSchemaIsReturnedByItsId() {
        ConfluentApi api = new ConfluentApi(registry.confluentApiUrl());

        Response registered = api.register("registered-value", TRADE_V1);
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.body().get("id").asInt();

        Response fetched = api.schemaById(id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(ConfluentApi.parse(fetched.body().get("schema").asText())).isEqualTo(ConfluentApi.parse(TRADE_V1));
        assertThat(registry.confluentApiUrl()).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
    }

    @Test
    void compatibilityIsBackward() {
        ConfluentApi api = new ConfluentApi(registry.confluentApiUrl());
        String subject = "compatibility-value";

        assertThat(api.globalConfig().body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(api.register(subject, TRADE_V1).status()).isEqualTo(200);
        assertThat(api.register(subject, TRADE_V2_INCOMPATIBLE).status()).isEqualTo(409);
        assertThat(api.register(subject, TRADE_V2_COMPATIBLE).status()).isEqualTo(200);
    }

    @Test
    void restartOnTheSameDataDirectoryKeepsIds(@TempDir Path data) {
        int firstId;
        try (ApicurioRegistry registry = ApicurioRegistry.builder().dataDirectory(data).start()) {
            firstId = new ConfluentApi(registry.confluentApiUrl()).register("candles-value", TRADE_V1).body().get("id").asInt();
        }

        try (ApicurioRegistry restarted = ApicurioRegistry.builder().dataDirectory(data).start()) {
            ConfluentApi api = new ConfluentApi(restarted.confluentApiUrl());

            Response fetched = api.schemaById(firstId);
            assertThat(fetched.status()).isEqualTo(200);
            assertThat(ConfluentApi.parse(fetched.body().get("schema").asText())).isEqualTo(ConfluentApi.parse(TRADE_V1));
            assertThat(api.register("candles-value", TRADE_V1).body().get("id").asInt()).isEqualTo(firstId);
            assertThat(api.register("signals-value", TRADE_V2_INCOMPATIBLE).body().get("id").asInt()).isEqualTo(firstId + 1);
            assertThat(api.globalConfig().body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        }
        assertThat(data.resolve("registry.log")).exists();
    }

    @Test
    void failureToStartReportsTheEndOfTheRegistryLog(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> ApicurioRegistry.builder().port(port).logFile(dir.resolve("registry.log")).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("Port " + port + " seems to be in use");
        }
    }
}
