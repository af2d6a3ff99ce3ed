package dev.tickflow.backtest.sweep;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A finished sweep.
 *
 * @param ranked  the valid sets' runs over the whole period, best first
 * @param heatMap null with a single swept parameter
 * @param folds   the walk-forward folds, empty without {@code --walk-forward}
 */
public record SweepReport(String symbol, String instance, String strategyType, ParameterGrid grid, RankMetric rankBy, int candles,
                          long from, long to, List<SweepRun> ranked, List<SkippedSet> skipped, Map<String, Integer> skippedByReason,
                          HeatMap heatMap, List<FoldResult> folds, int runs, long elapsedNanos) {

    /** Sum of the chosen sets' net PnL over the in-sample parts. */
    public BigDecimal inSampleNetPnl() {
        return folds.stream().map(f -> f.inSample().netPnl()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sum of the chosen sets' net PnL over the out-of-sample parts (each fold starts from the starting capital). */
    public BigDecimal outOfSampleNetPnl() {
        return folds.stream().map(f -> f.outOfSample().netPnl()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int inSampleTrades() {
        return folds.stream().mapToInt(f -> f.inSample().trades()).sum();
    }

    public int outOfSampleTrades() {
        return folds.stream().mapToInt(f -> f.outOfSample().trades()).sum();
    }
}
