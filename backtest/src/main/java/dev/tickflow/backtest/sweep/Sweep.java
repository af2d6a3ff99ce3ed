package dev.tickflow.backtest.sweep;

import dev.tickflow.backtest.StrategyCandles;
import dev.tickflow.schema.Candle;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A parameter sweep over candles made once: every valid set of the grid over the whole period (ranked, heat map),
 * then, with walk-forward, per fold every valid set over the in-sample part and the best of them over the
 * out-of-sample part.
 */
public final class Sweep {
    private Sweep() {
    }

    /** @throws IllegalArgumentException for a parameter the strategy does not have, a bad heat map choice or too few candles */
    public static SweepReport run(SweepStrategy strategy, String symbol, StrategyCandles input, SweepRequest request, PrintWriter progressOut,
                                  LongSupplier nanoTime) {
        List<Candle> candles = input.candles();
        ParameterGrid grid = request.grid();
        strategy.checkParameters(grid.names());
        List<String> names = grid.names();
        String heatX = request.heatMapX() != null ? request.heatMapX() : names.size() >= 2 ? names.get(0) : null;
        String heatY = request.heatMapY() != null ? request.heatMapY() : names.size() >= 2 ? names.get(1) : null;
        if (heatX != null) {
            grid.parameter(heatX);
            grid.parameter(heatY);
        }
        List<WalkForward.Fold> folds = request.walkForwardFolds() > 0 ? WalkForward.folds(candles.size(), request.walkForwardFolds()) : List.of();
        CheckedSets checked = CheckedSets.check(grid.sets(), strategy);
        int total = checked.valid().size() * (1 + folds.size()) + (checked.valid().isEmpty() ? 0 : folds.size());
        long start = nanoTime.getAsLong();
        SweepProgress progress = new SweepProgress(progressOut, request.progressEvery(), nanoTime, Math.max(total, 1));
        List<SweepRun> ranked;
        List<FoldResult> foldResults = new ArrayList<>();
        try (ParallelRuns runs = new ParallelRuns(request.threads(), strategy, progress)) {
            ranked = SweepRun.ranked(runs.run(checked.valid(), input), request.rankBy());
            if (!checked.valid().isEmpty()) {
                for (WalkForward.Fold fold : folds) {
                    foldResults.add(fold(fold, input, checked, runs, request.rankBy()));
                }
            }
        }
        HeatMap heatMap = heatX == null ? null : HeatMap.of(grid, ranked, request.rankBy(), heatX, heatY);
        return new SweepReport(symbol, strategy.instance(), strategy.typeName(), grid, request.rankBy(), candles.size(),
                candles.get(0).getOpenTime().toEpochMilli(), candles.get(candles.size() - 1).getCloseTime().toEpochMilli(), ranked, checked.skipped(),
                checked.skippedByReason(), heatMap, foldResults, progress.done(), nanoTime.getAsLong() - start);
    }

    /** The fold's candles, and with them the trades read while they were made. */
    private static FoldResult fold(WalkForward.Fold fold, StrategyCandles input, CheckedSets checked, ParallelRuns runs, RankMetric rankBy) {
        StrategyCandles inSampleInput = input.slice(fold.inSampleStart(), fold.inSampleEnd());
        StrategyCandles outOfSampleInput = input.slice(fold.outOfSampleStart(), fold.outOfSampleEnd());
        List<Candle> inSample = inSampleInput.candles();
        List<Candle> outOfSample = outOfSampleInput.candles();
        SweepRun best = SweepRun.ranked(runs.run(checked.valid(), inSampleInput), rankBy).get(0);
        CheckedSets.Valid chosen = checked.valid().stream().filter(v -> v.set().index() == best.set().index()).findFirst().orElseThrow();
        SweepRun outcome = runs.run(List.of(chosen), outOfSampleInput).get(0);
        return new FoldResult(fold, inSample.get(0).getOpenTime().toEpochMilli(), outOfSample.get(0).getOpenTime().toEpochMilli(),
                outOfSample.get(outOfSample.size() - 1).getCloseTime().toEpochMilli(), best.set(), best.metrics(), outcome.metrics());
    }
}
