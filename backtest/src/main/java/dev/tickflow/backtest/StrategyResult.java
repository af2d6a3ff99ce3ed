package dev.tickflow.backtest;

import dev.tickflow.backtest.report.InstanceReport;
import dev.tickflow.backtest.report.SymbolSummary;
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
 * @param orders  orders the executor made of the signals, REJECTED ones included
 * @param rejected of them, REJECTED by its risk checks
 * @param fills   fills of the paper broker
 * @param reports the performance of each instance, in the same order, per symbol (symbols in alphabetical order)
 * @param symbols per symbol, its trades, candles, signals, orders, fills, fees and PnL
 * @param files   indicators.csv, signals.csv, orders.csv, fills.csv, report.json and report.html
 */
public record StrategyResult(long candles, Map<String, Long> signals, long orders, long rejected, long fills,
                             Map<String, List<InstanceReport>> reports, List<SymbolSummary> symbols, List<Path> files) {
    public StrategyResult {
        signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
        symbols = List.copyOf(symbols);
        files = List.copyOf(files);
    }
}
