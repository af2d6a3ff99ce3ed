package dev.tickflow.backtest;

import dev.tickflow.topics.CandleInterval;
import java.util.Map;

/**
 * What the aggregation made of the trades.
 *
 * @param trades     trades taken
 * @param candles    final candles per interval, in the catalog's interval order
 * @param lateTrades trades too late for their window (md.trades.late in the service; in no candle)
 */
public record ReplayResult(long trades, Map<CandleInterval, Long> candles, long lateTrades) {
}
