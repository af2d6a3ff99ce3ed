package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.CandleInterval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategySettingsTest {

    @TempDir
    Path dir;

    private StrategySettings load(String properties, Map<String, String> environment) throws Exception {
        Path file = dir.resolve("strategy-service.properties");
        Files.writeString(file, properties);
        return StrategySettings.from(TickflowConfig.load(Optional.of(file), environment, StrategySettings.definition()));
    }

    @Test
    void withoutAStrategyFileRunsTheDefaultInstances() throws Exception {
        StrategySettings settings = load("", Map.of());

        assertThat(settings.instances()).extracting(StrategyInstance::name).containsExactly("A", "B");
        assertThat(settings.interval()).isEqualTo(CandleInterval.ONE_MINUTE);
        assertThat(settings.topics().candles(settings.interval()).name()).isEqualTo("md.candles.1m");
        assertThat(settings.serdeConfig()).containsKey("schema.registry.url");
    }

    @Test
    void readsTheInstancesFromTheStrategyFileWithCustomTypes() throws Exception {
        Path strategies = dir.resolve("strategies.properties");
        Files.writeString(strategies, """
                strategy.instances=A,X
                strategy.A.type=sma-ema-crossover
                strategy.A.sma=20
                strategy.A.stop-loss=0.05
                strategy.X.type=always-long
                strategy.X.symbols=ETHUSDT
                """);

        StrategySettings settings = load("strategy.instances.file=" + strategies + "\nstrategy.candles.interval=5m\n", Map.of());

        assertThat(settings.instances()).extracting(StrategyInstance::toString)
                .containsExactly("A=sma-ema-crossover(sma=20, ema=5, stop-loss=0.05, stop-trigger=low) on *", "X=" + settings.instances().get(1).strategy() + " on ETHUSDT");
        assertThat(settings.interval().name()).isEqualTo("5m");
    }

    @Test
    void theStrategyFileCanComeFromTheEnvironment() throws Exception {
        Path strategies = dir.resolve("env.properties");
        Files.writeString(strategies, "strategy.instances=Z\nstrategy.Z.type=breakout\n");

        StrategySettings settings = load("", Map.of("TICKFLOW_STRATEGY_INSTANCES_FILE", strategies.toString()));

        assertThat(settings.instances()).extracting(StrategyInstance::name).containsExactly("Z");
    }

    @Test
    void errorsNameTheFileAndTheBadKey() throws Exception {
        Path strategies = dir.resolve("bad.properties");
        Files.writeString(strategies, "strategy.instances=A\nstrategy.A.type=sma-ema-crossover\nstrategy.A.sma=0\n");

        assertThatThrownBy(() -> load("strategy.instances.file=" + strategies, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(strategies.toString())
                .hasMessageContaining("strategy.A.sma")
                .hasMessageContaining("from 1 to 10000");
        assertThatThrownBy(() -> load("strategy.instances.file=" + dir.resolve("none.properties"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> load("strategy.candles.interval=7m", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("strategy.candles.interval");
        assertThatThrownBy(() -> load("candles.intervals=1m\nstrategy.candles.interval=5m", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("strategy.candles.interval");
    }
}
