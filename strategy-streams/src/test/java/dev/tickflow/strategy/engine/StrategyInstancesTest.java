package dev.tickflow.strategy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.api.Strategy;
import dev.tickflow.strategy.api.StrategyParameters;
import dev.tickflow.strategy.api.StrategyType;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyInstancesTest {

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static InvalidStrategyConfigException error(Map<String, String> config) {
        return (InvalidStrategyConfigException) catchThrowable(
                () -> StrategyInstances.parse(config, StrategyTypes.builtIn()));
    }

    @Test
    void theDefaultsAreTheTwoRiskVariants() {
        List<StrategyInstance> instances = StrategyInstances.defaults();

        assertThat(instances).extracting(StrategyInstance::name).containsExactly("A", "B");
        assertThat(instances.get(0).strategy()).hasToString("sma-ema-crossover(sma=10, ema=5, stop-loss=0.15, stop-trigger=low)");
        assertThat(instances.get(1).strategy()).hasToString("sma-ema-crossover(sma=10, ema=5, stop-loss=0.10, stop-trigger=low)");
        assertThat(instances.get(0).symbols()).isEqualTo(SymbolFilter.ALL);
    }

    @Test
    void readsInstancesInTheirListedOrderWithTypesSymbolsAndParameters() {
        List<StrategyInstance> instances = StrategyInstances.parse(config(
                "strategy.instances", "fast, breakout-1",
                "strategy.breakout-1.type", "breakout",
                "strategy.breakout-1.entry", "55",
                "strategy.fast.type", "sma-ema-crossover",
                "strategy.fast.sma", "20",
                "strategy.fast.symbols", "BTCUSDT, ETHUSDT"), StrategyTypes.builtIn());

        assertThat(instances).extracting(StrategyInstance::name).containsExactly("fast", "breakout-1");
        assertThat(instances.get(0).strategy()).hasToString("sma-ema-crossover(sma=20, ema=5)");
        assertThat(instances.get(0).trades("ETHUSDT")).isTrue();
        assertThat(instances.get(0).trades("SOLUSDT")).isFalse();
        assertThat(instances.get(1).strategy()).hasToString("breakout(entry=55, exit=10)");
    }

    @Test
    void errorsNameTheBadKey() {
        assertThat(error(config()).key()).isEqualTo("strategy.instances");
        assertThat(error(config("strategy.instances", "A,A")).getMessage()).contains("listed twice");
        assertThat(error(config("strategy.instances", "A B")).getMessage()).contains("instance name 'A B'");
        assertThat(error(config("strategy.instances", "A")).key()).isEqualTo("strategy.A.type");
        assertThat(error(config("strategy.instances", "A", "strategy.A.type", "rsi")).getMessage())
                .contains("strategy.A.type").contains("breakout, sma-ema-crossover");
        assertThat(error(config("strategy.instances", "A", "strategy.A.type", "sma-ema-crossover", "strategy.A.sma", "ten")).getMessage())
                .isEqualTo("Invalid value 'ten' for strategy.A.sma: must be a whole number from 1 to 10000");
        assertThat(error(config("strategy.instances", "A", "strategy.A.type", "sma-ema-crossover", "strategy.A.stop-loss", "15")).key())
                .isEqualTo("strategy.A.stop-loss");
        assertThat(error(config("strategy.instances", "A", "strategy.A.type", "sma-ema-crossover", "strategy.A.stoploss", "0.1")).getMessage())
                .contains("strategy.A.stoploss").contains("ema, sma, stop-loss");
        assertThat(error(config("strategy.instances", "A", "strategy.A.type", "breakout", "strategy.B.type", "breakout")).key())
                .isEqualTo("strategy.B.type");
        assertThat(error(config("strategy.instances", "A", "strategy.A.type", "breakout", "strategy.A.symbols", "btcusdt")).key())
                .isEqualTo("strategy.A.symbols");
        assertThat(error(config("strategy.instances", "A", "strategy.A.type", "breakout", "sma", "1")).key()).isEqualTo("sma");
    }

    @Test
    void loadsAPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strategies.properties");
        Files.writeString(file, """
                # two variants
                strategy.instances = A
                strategy.A.type = sma-ema-crossover
                strategy.A.stop-loss = 0.15
                """);

        assertThat(StrategyInstances.load(file, StrategyTypes.builtIn())).singleElement()
                .satisfies(instance -> assertThat(instance.strategy()).hasToString("sma-ema-crossover(sma=10, ema=5, stop-loss=0.15, stop-trigger=low)"));
        assertThatThrownBy(() -> StrategyInstances.load(dir.resolve("missing"), StrategyTypes.builtIn()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theExampleInTheDocumentationIsTheDefault() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("tickflow.project.dir", ".."), "docs", "strategies.md"));
        String example = doc.substring(doc.indexOf("```properties") + "```properties".length(), doc.indexOf("```", doc.indexOf("```properties") + 3));
        Properties properties = new Properties();
        properties.load(new StringReader(example));
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));

        assertThat(values).isEqualTo(StrategyInstances.DEFAULTS);
        assertThat(StrategyInstances.parse(values, StrategyTypes.builtIn())).hasToString(StrategyInstances.defaults().toString());
    }

    @Test
    void acceptsRegisteredTypes() {
        StrategyTypes types = StrategyTypes.builtIn().with(new AlwaysLongType());

        List<StrategyInstance> instances = StrategyInstances.parse(config("strategy.instances", "X", "strategy.X.type", "always-long"), types);

        assertThat(instances.get(0).type()).isEqualTo("always-long");
        assertThat(StrategyTypes.discover().names()).contains("always-long", "sma-ema-crossover", "breakout");
        assertThatThrownBy(() -> StrategyTypes.builtIn().with(new StrategyType() {
            @Override
            public String name() {
                return "Bad Name";
            }

            @Override
            public Strategy<?> create(StrategyParameters parameters) {
                return null;
            }
        })).hasMessageContaining("lower case");
    }
}
