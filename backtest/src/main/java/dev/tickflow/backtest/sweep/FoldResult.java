package dev.tickflow.backtest.sweep;

/**
 * One walk-forward fold: the best set of its in-sample part and how it did there and out of sample.
 *
 * @param inSampleFrom      open time of the first in-sample candle, epoch ms
 * @param outOfSampleFrom   open time of the first out-of-sample candle, epoch ms
 * @param outOfSampleTo     close time of the last out-of-sample candle, epoch ms
 */
public record FoldResult(WalkForward.Fold fold, long inSampleFrom, long outOfSampleFrom, long outOfSampleTo, ParameterSet best,
                         RunMetrics inSample, RunMetrics outOfSample) {
}
