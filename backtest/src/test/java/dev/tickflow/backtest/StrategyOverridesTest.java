package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.strategy.engine.StrategyInstances;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyOverridesTest {
    private static final Map<String, String> MIXED = Map.of(
            "strategy.instances", "X, Y",
            "strategy.X.type", "sma-ema-crossover",
            "strategy.X.sma", "10",
            "strategy.Y.type", "breakout",
            "strategy.Y.entry", "20");

    @Test
    void replacesTheSettingsOfEveryCrossoverInstance() {
        Map<String, String> result = new StrategyOverrides(Optional.of(20), Optional.of(8), Optional.of(new BigDecimal("0.05")))
                .applyTo(StrategyInstances.DEFAULTS);

        for (String instance : new String[] {"A", "B"}) {
            assertThat(result).containsEntry("strategy." + instance + ".sma", "20")
                    .containsEntry("strategy." + instance + ".ema", "8")
                    .containsEntry("strategy." + instance + ".stop-loss", "0.05");
        }
        assertThat(result).hasSameSizeAs(StrategyInstances.DEFAULTS);
    }

    @Test
    void leavesOtherTypesAndUnsetParametersAlone() {
        Map<String, String> result = new StrategyOverrides(Optional.empty(), Optional.of(3), Optional.empty()).applyTo(MIXED);

        assertThat(result).containsEntry("strategy.X.sma", "10").containsEntry("strategy.X.ema", "3")
                .doesNotContainKey("strategy.X.stop-loss").doesNotContainKey("strategy.Y.ema");
        assertThat(StrategyOverrides.NONE.applyTo(MIXED)).isSameAs(MIXED);
    }

    @Test
    void refusesOverridesWithoutACrossoverInstance() {
        Map<String, String> breakoutOnly = Map.of("strategy.instances", "Y", "strategy.Y.type", "breakout");
        assertThatThrownBy(() -> new StrategyOverrides(Optional.of(5), Optional.empty(), Optional.empty()).applyTo(breakoutOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sma, --ema and --stop-loss apply to sma-ema-crossover instances, and the configured instances have none");
    }
}
