package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorApp;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.runtime.StreamsService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorCommandTest {
    private static final String KEY = "unmistakable-api-key-4711";
    private static final String SECRET = "unmistakable-api-secret-0815";

    private final CapturedTickflow tickflow = new CapturedTickflow();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(tickflow.execute("executor", "--help")).isZero();
        assertThat(tickflow.out.toString()).contains("Usage: tickflow executor", "--config=FILE", "--broker=paper|binance", "oms.orders");
        tickflow.out.getBuffer().setLength(0);
        assertThat(tickflow.execute("--help")).isZero();
        assertThat(tickflow.out.toString()).contains("executor");
    }

    @Test
    void binanceWithoutCredentialsSaysWhichVariablesToSet() throws Exception {
        Path config = Files.writeString(dir.resolve("executor.properties"), "http.port=-1\n");
        TickflowConfig loaded = TickflowConfig.load(Optional.of(config), Map.of("TICKFLOW_EXECUTOR_BROKER", "binance"), ExecutorSettings.definition());
        assertThatThrownBy(() -> new StreamsService(new ExecutorApp(), loaded, new PrintWriter(tickflow.out), new PrintWriter(tickflow.err)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_KEY").hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
        if (System.getenv("TICKFLOW_EXECUTOR_BINANCE_API_KEY") == null) {
            assertThat(tickflow.execute("executor", "--config", config.toString(), "--broker", "binance")).isEqualTo(2);
            assertThat(tickflow.err.toString()).contains("configuration error", "TICKFLOW_EXECUTOR_BINANCE_API_KEY", "TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
        }
    }

    @Test
    void binanceWithCredentialsStartsAndNeverPrintsThem() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("binance.secret"), SECRET + "\n");
        Path config = Files.writeString(dir.resolve("executor.properties"), "http.port=-1\nexecutor.binance.rest.url=http://127.0.0.1:1\n"
                + "executor.binance.api.key=" + KEY + "\nexecutor.binance.api.secret.file=" + secretFile + "\n");
        ConfigOption option = new ConfigOption();
        option.file = config;
        TickflowConfig loaded = option.loadAndPrint(ExecutorCommand.NAME, ExecutorSettings.definition(), new PrintWriter(tickflow.out, true),
                Map.of(ExecutorSettings.BROKER, "binance"));
        assertThat(loaded.secret(BinanceVenueSettings.API_KEY)).isEqualTo(KEY);
        try (StreamsService service = new StreamsService(new ExecutorApp(), loaded, new PrintWriter(tickflow.out, true),
                new PrintWriter(tickflow.err, true))) {
            assertThat(service.properties()).isNotEmpty();
        }
        assertThat(tickflow.out.toString()).contains("executor.binance.api.key=[hidden]", "executor: broker binance, MARKET orders")
                .doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(loaded.toString()).doesNotContain(KEY);

        tickflow.out.getBuffer().setLength(0);
        tickflow.execute("config", "--config", config.toString());
        assertThat(tickflow.out.toString() + tickflow.err).as("tickflow config, which does not know the executor's keys").doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void aBadRiskOverrideStopsItWithTheKeyNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("executor.properties"), "executor.risk.overrides=A:max.orders=3\n");
        assertThat(tickflow.execute("executor", "--config", config.toString())).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("configuration error", "executor.risk.overrides", "'max.orders' is not a limit");
    }
}
