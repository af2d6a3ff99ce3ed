package dev.tickflow.cli.backtest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the strategies did in a backtest.
 *
 * @param candles candles the strategies ran on
 * @param signals signals per instance, in the configured order of the instances
 * @param files   indicators.csv and signals.csv
 */
public record StrategyResult(long candles, Map<String, Long> signals, List<Path> files) {
    public StrategyResult {
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        files = List.copyOf(files);
    }
}
