package dev.tickflow.backtest.sweep;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** How the sweep's files and summary write numbers: fixed decimals (never locale-dependent), empty for undefined. */
final class MetricText {
    static final List<String> COLUMNS = List.of("net_pnl", "total_return", "sharpe", "max_drawdown", "trades", "win_rate", "fees");

    private MetricText() {
    }

    static List<String> columns(RunMetrics m) {
        return List.of(m.netPnl().toPlainString(), ratio(m.totalReturn()), ratio(m.sharpe()), ratio(m.maxDrawdown()), Integer.toString(m.trades()),
                ratio(m.winRate()), m.fees().toPlainString());
    }

    static String ratio(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    static String metric(RankMetric metric, RunMetrics m) {
        return switch (metric) {
            case NET_PNL -> m.netPnl().toPlainString();
            case TRADES -> Integer.toString(m.trades());
            default -> ratio(metric.value(m));
        };
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
