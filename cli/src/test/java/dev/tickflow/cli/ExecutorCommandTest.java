package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.cli.service.StreamsService;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.binance.BinanceBrokerSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExecutorCommandTest {
    private static final String KEY = "unmistakable-api-key-4711";
    private static final String SECRET = "unmistakable-api-secret-0815";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(execute("executor", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: tickflow executor", "--config=FILE", "--broker=paper|binance", "oms.orders");
        out.getBuffer().setLength(0);
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("executor");
    }

    @Test
    void binanceWithoutCredentialsSaysWhichVariablesToSet() throws Exception {
        Path config = Files.writeString(dir.resolve("executor.properties"), "http.port=-1\n");
        TickflowConfig loaded = TickflowConfig.load(Optional.of(config), Map.of("TICKFLOW_EXECUTOR_BROKER", "binance"), ExecutorSettings.definition());
        assertThatThrownBy(() -> ExecutorCommand.service(loaded, new PrintWriter(out), new PrintWriter(err)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_KEY").hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
        if (System.getenv("TICKFLOW_EXECUTOR_BINANCE_API_KEY") == null) {
            assertThat(execute("executor", "--config", config.toString(), "--broker", "binance")).isEqualTo(2);
            assertThat(err.toString()).contains("configuration error", "TICKFLOW_EXECUTOR_BINANCE_API_KEY", "TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
        }
    }

    @Test
    void binanceWithAKeyButNoSecretNamesTheSecretVariables() throws Exception {
        TickflowConfig loaded = TickflowConfig.load(Optional.empty(), Map.of("TICKFLOW_HTTP_PORT", "-1", "TICKFLOW_EXECUTOR_BROKER", "binance",
                "TICKFLOW_EXECUTOR_BINANCE_API_KEY", KEY), ExecutorSettings.definition());
        assertThatThrownBy(() -> ExecutorCommand.service(loaded, new PrintWriter(out), new PrintWriter(err)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no API secret")
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET").hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void binanceWithCredentialsStartsAndNeverPrintsThem() throws Exception {
        Path secretFile = Files.writeString(dir.resolve("binance.secret"), SECRET + "\n");
        Path config = Files.writeString(dir.resolve("executor.properties"), "http.port=-1\nexecutor.binance.rest.url=http://127.0.0.1:1\n"
                + "executor.binance.api.key=" + KEY + "\nexecutor.binance.api.secret.file=" + secretFile + "\n");
        ConfigOption option = new ConfigOption();
        option.file = config;
        TickflowConfig loaded = option.loadAndPrint(ExecutorCommand.NAME, ExecutorSettings.definition(), new PrintWriter(out, true),
                Map.of(ExecutorSettings.BROKER, "binance"));
        assertThat(loaded.secret(BinanceBrokerSettings.API_KEY)).isEqualTo(KEY);
        try (StreamsService service = ExecutorCommand.service(loaded, new PrintWriter(out, true), new PrintWriter(err, true))) {
            assertThat(service.properties()).isNotEmpty();
        }
        assertThat(out.toString()).contains("executor.binance.api.key=[hidden]", "executor: broker binance, MARKET orders")
                .doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(loaded.toString()).doesNotContain(KEY);

        out.getBuffer().setLength(0);
        execute("config", "--config", config.toString());
        assertThat(out.toString() + err).as("tickflow config, which does not know the executor's keys").doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void aBadRiskOverrideStopsItWithTheKeyNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("executor.properties"), "executor.risk.overrides=A:max.orders=3\n");
        assertThat(execute("executor", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error", "executor.risk.overrides", "'max.orders' is not a limit");
    }

    private int execute(String... args) {
        CommandLine commandLine = TickflowCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
