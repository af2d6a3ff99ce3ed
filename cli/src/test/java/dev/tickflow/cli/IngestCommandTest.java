package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.ingest.IngestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
    private final CapturedTickflow tickflow = new CapturedTickflow();

    @TempDir
    Path dir;

    @Test
    void isATickflowCommand() {
        assertThat(tickflow.execute("ingest", "--help")).isZero();
        assertThat(tickflow.out.toString()).contains("Usage: tickflow ingest", "--config=FILE", "--source", "--speed", "--symbols", "--replay");
    }

    @Test
    void anUnknownSourceIsAConfigurationError() throws Exception {
        Path config = Files.writeString(dir.resolve("ingest.properties"), "http.port=-1\n");
        assertThat(tickflow.execute("ingest", "--config", config.toString(), "--source", "kraken")).isEqualTo(2);
        assertThat(tickflow.err.toString()).contains("configuration error", "ingest.source");
    }

    @Test
    void aMissingReplayFileIsNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("ingest.properties"), "http.port=-1\n");
        Path missing = dir.resolve("BTCUSDT-aggTrades-2024-01-01.csv");
        assertThat(tickflow.execute("ingest", "--config", config.toString(), "--replay", missing.toString())).isEqualTo(1);
        assertThat(tickflow.err.toString()).contains(missing.toString(), "does not exist");
    }

    @Test
    void optionsOverrideTheConfiguration() {
        IngestCommand command = new IngestCommand();
        new CommandLine(command).parseArgs("--replay", "a.csv", "b.csv", "--speed", "10", "--symbols", "XRPETH");
        assertThat(command.overrides()).containsExactlyInAnyOrderEntriesOf(Map.of(
                IngestSettings.SOURCE, "replay",
                IngestSettings.REPLAY_FILES, "a.csv,b.csv",
                IngestSettings.SYMBOLS, "XRPETH",
                IngestSettings.REPLAY_SPEED, "10.0",
                IngestSettings.SIMULATOR_SPEED, "10.0"));

        IngestCommand simulate = new IngestCommand();
        new CommandLine(simulate).parseArgs("--source", "simulate", "--speed", "0");
        assertThat(simulate.overrides()).containsExactlyInAnyOrderEntriesOf(Map.of(
                IngestSettings.SOURCE, "simulate", IngestSettings.REPLAY_SPEED, "0.0"));
    }

    @Test
    void theSettingsComeFromTheConfigurationAndTheOptions() throws Exception {
        Path config = Files.writeString(dir.resolve("ingest.properties"), "ingest.simulator.seed=7\ningest.give.up.ms=30000\n");
        IngestCommand command = new IngestCommand();
        new CommandLine(command).parseArgs("--config", config.toString(), "--symbols", "btcusdt,SOLUSDT", "--speed", "60");
        IngestSettings settings = IngestSettings.from(command.config.load(IngestSettings.definition(), command.overrides()));
        assertThat(settings.source()).isEqualTo("simulate");
        assertThat(settings.symbols()).containsExactly("BTCUSDT", "SOLUSDT");
        assertThat(settings.simulatorSeed()).isEqualTo(7);
        assertThat(settings.simulatorSpeed()).isEqualTo(60.0);
        assertThat(settings.giveUp().toMillis()).isEqualTo(30_000);
        assertThat(settings.topics().trades().name()).isEqualTo("md.trades");
    }
}
