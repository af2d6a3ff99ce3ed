package dev.tickflow.backtest.report;

import java.math.BigDecimal;

/**
 * The performance of one strategy instance over a backtest (definitions in docs/backtest.md). Ratios are doubles,
 * amounts exact; a ratio that is undefined (no round trip, no loss, no variance) is null.
 *
 * @param trades        completed round trips (a buy and the sell that brings the position back to zero)
 * @param winRate       round trips with a positive net PnL (fees of both legs included) / trades
 * @param totalReturn   endEquity / startEquity - 1
 * @param profitFactor  sum of the winning round trips' net PnL / |sum of the losing ones'|
 * @param maxDrawdown   largest fall of the equity (marked on candle closes) from its running peak, as a fraction of it
 * @param sharpe        mean / sample standard deviation of the per-candle equity returns x sqrt(candles per year)
 * @param exposure      share of the candles over whose price change a position was held
 * @param fees          sum of all fees, quote asset
 * @param startEquity   starting capital, quote asset
 * @param endEquity     cash plus the open position at the last close, quote asset
 * @param candles       candles the equity was marked on
 * @param fills         fills
 * @param openAtEnd     whether a position was still open at the end (not counted in trades)
 */
public record InstanceReport(String instance, int trades, Double winRate, double totalReturn, Double profitFactor, double maxDrawdown,
                             Double sharpe, Double exposure, BigDecimal fees, BigDecimal startEquity, BigDecimal endEquity, long candles,
                             int fills, boolean openAtEnd) {
}
