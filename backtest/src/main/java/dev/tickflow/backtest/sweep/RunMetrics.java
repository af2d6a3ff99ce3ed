package dev.tickflow.backtest.sweep;

import dev.tickflow.backtest.report.InstanceReport;
import java.math.BigDecimal;

/**
 * What a sweep ranks one run by (definitions as in the backtest report).
 *
 * @param netPnl      end equity - starting capital, quote asset, exact (fees included)
 * @param totalReturn end equity / starting capital - 1
 * @param sharpe      mean / standard deviation of the per-candle returns, annualised; null without variance
 * @param maxDrawdown largest fall of the equity from its running peak, as a fraction of it
 * @param trades      completed round trips
 * @param winRate     share of winning round trips; null without any
 * @param fees        all fees paid, quote asset
 */
public record RunMetrics(BigDecimal netPnl, double totalReturn, Double sharpe, double maxDrawdown, int trades, Double winRate, BigDecimal fees) {

    public static RunMetrics of(InstanceReport report) {
        return new RunMetrics(report.endEquity().subtract(report.startEquity()), report.totalReturn(), report.sharpe(), report.maxDrawdown(),
                report.trades(), report.winRate(), report.fees());
    }
}
