package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
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
        assertThatThrownBy(() -> ExecutorCommand.service(loaded, Map.of(), new PrintWriter(out), new PrintWriter(err)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_KEY").hasMessageContaining("TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
        if (System.getenv("TICKFLOW_EXECUTOR_BINANCE_API_KEY") == null) {
            assertThat(execute("executor", "--config", config.toString(), "--broker", "binance")).isEqualTo(2);
            assertThat(err.toString()).contains("configuration error", "TICKFLOW_EXECUTOR_BINANCE_API_KEY", "TICKFLOW_EXECUTOR_BINANCE_API_SECRET");
        }
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
