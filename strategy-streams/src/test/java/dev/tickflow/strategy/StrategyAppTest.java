package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyAppTest {

    @Test
    void describesEachInstanceWithItsTypeParametersAndSymbols() {
        var instances = StrategyInstances.parse(Map.of(
                "strategy.instances", "fast,A,channel",
                "strategy.fast.type", "sma-ema-crossover",
                "strategy.fast.sma", "4",
                "strategy.fast.ema", "2",
                "strategy.fast.symbols", "ETHUSDT,BTCUSDT",
                "strategy.A.type", "sma-ema-crossover",
                "strategy.A.stop-loss", "0.15",
                "strategy.channel.type", "breakout"), StrategyTypes.builtIn());

        assertThat(StrategyApp.describe(instances)).containsExactly(
                "fast: sma-ema-crossover(sma=4, ema=2), symbols BTCUSDT,ETHUSDT",
                "A: sma-ema-crossover(sma=10, ema=5, stop-loss=0.15, stop-trigger=low), symbols *",
                "channel: breakout(entry=20, exit=10), symbols *");
    }
}
