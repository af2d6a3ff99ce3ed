package dev.tickflow.backtest;

import dev.tickflow.backtest.report.InstanceReport;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal summary of the instances' reports: one row per instance. */
final class ReportTable {
    private static final String ROW = "%-10s %7s %9s %13s %14s %13s %8s %9s %16s %18s";

    private ReportTable() {
    }

    static List<String> lines(List<InstanceReport> reports) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, ROW, "instance", "trades", "win_rate", "total_return", "profit_factor", "max_drawdown",
                "sharpe", "exposure", "fees", "end_equity"));
        for (InstanceReport r : reports) {
            lines.add(String.format(Locale.ROOT, ROW, r.instance(), r.trades(), percent(r.winRate()), percent(r.totalReturn()),
                    decimal(r.profitFactor()), percent(r.maxDrawdown()), decimal(r.sharpe()), percent(r.exposure()),
                    r.fees().setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString(),
                    r.endEquity().setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()));
        }
        return lines;
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", value * 100);
    }

    private static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
