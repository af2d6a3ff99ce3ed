package dev.tickflow.backtest.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Rolling walk-forward folds: the candles are cut into N + 1 consecutive segments of (almost) equal length; fold k
 * optimises on segment k - 1 (in-sample) and is judged on segment k (out-of-sample). Every in-sample window has the
 * same length and every out-of-sample segment is used once, so the out-of-sample parts together cover the period
 * after the first segment.
 */
public final class WalkForward {
    private WalkForward() {
    }

    /** One fold's candle index ranges, start inclusive, end exclusive. */
    public record Fold(int number, int inSampleStart, int inSampleEnd, int outOfSampleStart, int outOfSampleEnd) {
    }

    /** @throws IllegalArgumentException when there are fewer than 2 folds' worth of candles or folds is below 1 */
    public static List<Fold> folds(int candles, int folds) {
        if (folds < 1) {
            throw new IllegalArgumentException("--walk-forward must be 1 or more folds, not " + folds);
        }
        int segments = folds + 1;
        if (candles < segments) {
            throw new IllegalArgumentException("--walk-forward " + folds + " needs at least " + segments + " candles (one per segment); the input has "
                    + candles + ": use fewer folds or a longer period");
        }
        List<Fold> result = new ArrayList<>();
        for (int k = 1; k <= folds; k++) {
            result.add(new Fold(k, boundary(candles, segments, k - 1), boundary(candles, segments, k), boundary(candles, segments, k),
                    boundary(candles, segments, k + 1)));
        }
        return result;
    }

    /** The first candle of segment i: floor(i x candles / segments). */
    private static int boundary(int candles, int segments, int i) {
        return (int) ((long) i * candles / segments);
    }
}
