package dev.tickflow.cli.backtest;

import dev.tickflow.topics.CandleInterval;
import java.util.Map;

/**
 * What a replay through the topology produced.
 *
 * @param trades     trades piped into the topology
 * @param candles    final candles per interval, in the catalog's interval order
 * @param lateTrades trades the topology routed to md.trades.late (in no candle)
 */
public record ReplayResult(long trades, Map<CandleInterval, Long> candles, long lateTrades) {
}
