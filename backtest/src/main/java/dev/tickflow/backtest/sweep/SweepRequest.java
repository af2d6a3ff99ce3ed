package dev.tickflow.backtest.sweep;

import java.time.Duration;

/**
 * What to sweep and how.
 *
 * @param heatMapX        the heat map's column parameter, or null for the first swept one
 * @param heatMapY        its row parameter, or null for the second swept one
 * @param walkForwardFolds 0 for none
 */
public record SweepRequest(ParameterGrid grid, RankMetric rankBy, int threads, String heatMapX, String heatMapY, int walkForwardFolds,
                           Duration progressEvery) {
}
