package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyCommandTest {
    private final CapturedTickflow tickflow = new CapturedTickflow();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(tickflow.execute("strategy", "--help")).isZero();
        assertThat(tickflow.out.toString()).contains("Usage: tickflow strategy", "--config=FILE", "strategy.signals");
        tickflow.out.getBuffer().setLength(0);
        assertThat(tickflow.execute("--help")).isZero();
        assertThat(tickflow.out.toString()).contains("strategy");
    }

    @Test
    void aBadPortStopsItWithTheKeyNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("strategy.properties"), "http.port=70000\n");
        assertThat(tickflow.execute("strategy", "--config", config.toString())).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("configuration error", "http.port");
    }

    @Test
    void anInstanceKeyInTheServiceFileIsUnknown() throws Exception {
        Path config = Files.writeString(dir.resolve("strategy.properties"), "strategy.A.sma=12\n");
        assertThat(tickflow.execute("strategy", "--config", config.toString())).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("configuration error", "Unknown configuration key 'strategy.A.sma'");
    }

    @Test
    void aBadInstancesFileStopsItWithTheKeyAndTheFileNamed() throws Exception {
        Path instances = Files.writeString(dir.resolve("instances.properties"), """
                strategy.instances=A
                strategy.A.type=sma-ema-crossover
                strategy.A.sma=0
                """);
        Path config = Files.writeString(dir.resolve("strategy.properties"), "strategy.instances.file=" + instances + "\n");
        assertThat(tickflow.execute("strategy", "--config", config.toString())).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("configuration error", "strategy.A.sma", instances.toString());
        assertThat(tickflow.out.toString()).as("the configuration is printed first").contains("strategy: configuration from", "strategy.instances.file=");
    }
}
