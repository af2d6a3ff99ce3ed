package dev.tickflow.backtest.sweep;

import java.util.Comparator;
import java.util.List;

/** The metrics of one parameter set over one period. */
public record SweepRun(ParameterSet set, RunMetrics metrics) {

    /** Best first by the metric; ties by net PnL, then by the position in the grid, so the order never depends on timing. */
    public static List<SweepRun> ranked(List<SweepRun> runs, RankMetric metric) {
        Comparator<SweepRun> order = Comparator.comparing(SweepRun::metrics, metric.betterFirst())
                .thenComparingInt(run -> run.set().index());
        return runs.stream().sorted(order).toList();
    }
}
