package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.CrossoverReference.Output;
import java.util.List;
import java.util.Map;

/** What the strategy service must publish for both symbols of a {@link StrategyScript} (A's fills in ETHUSDT included), by {@link CrossoverReference}. */
record ExpectedOutput(Map<String, Output> bySymbol) {

    static ExpectedOutput of(StrategyScript script) {
        return new ExpectedOutput(Map.of(
                StrategyScript.BTC, script.expected(StrategyScript.BTC, true),
                StrategyScript.ETH, script.expected(StrategyScript.ETH, true)));
    }

    int signalCount() {
        return bySymbol.values().stream().mapToInt(output -> output.signals().size()).sum();
    }

    int snapshotCount() {
        return bySymbol.values().stream().mapToInt(output -> output.snapshots().size()).sum();
    }

    /** Each symbol's signals and snapshots, exactly and in order. */
    void assertPublished(List<Signal> signals, List<IndicatorSnapshot> snapshots) {
        bySymbol.forEach((symbol, output) -> {
            assertThat(signals).filteredOn(signal -> signal.getSymbol().equals(symbol)).as("signals of %s", symbol)
                    .containsExactlyElementsOf(output.signals());
            assertThat(snapshots).filteredOn(snapshot -> snapshot.getSymbol().equals(symbol)).as("snapshots of %s", symbol)
                    .containsExactlyElementsOf(output.snapshots());
        });
    }
}
