package dev.tickflow.backtest.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * report.json: the run's account settings and, per strategy instance, the metrics of {@link InstanceReport} under the
 * names {@code trades, win_rate, total_return, profit_factor, max_drawdown, sharpe, exposure, fees, start_equity,
 * end_equity}. Amounts are JSON numbers written with their exact digits; an undefined ratio is {@code null}.
 */
public final class ReportJson {
    private ReportJson() {
    }

    public static String render(BacktestReport report, String intervalName) {
        StringBuilder json = new StringBuilder(1024);
        json.append("{\n");
        field(json, 1, "symbol", quote(report.symbol())).append(",\n");
        field(json, 1, "interval", quote(intervalName)).append(",\n");
        field(json, 1, "starting_capital", amount(report.account().startingCapital())).append(",\n");
        field(json, 1, "fee_rate", amount(report.account().feeRate())).append(",\n");
        field(json, 1, "fill_model", quote("paper-executor")).append(",\n");
        field(json, 1, "sharpe_candles_per_year", ratio(report.candlesPerYear())).append(",\n");
        indent(json, 1).append("\"instances\": {");
        List<InstanceReport> reports = report.reports();
        for (int i = 0; i < reports.size(); i++) {
            InstanceReport r = reports.get(i);
            json.append(i == 0 ? "\n" : ",\n");
            indent(json, 2).append(quote(r.instance())).append(": {\n");
            field(json, 3, "trades", Integer.toString(r.trades())).append(",\n");
            field(json, 3, "win_rate", ratio(r.winRate())).append(",\n");
            field(json, 3, "total_return", ratio(r.totalReturn())).append(",\n");
            field(json, 3, "profit_factor", ratio(r.profitFactor())).append(",\n");
            field(json, 3, "max_drawdown", ratio(r.maxDrawdown())).append(",\n");
            field(json, 3, "sharpe", ratio(r.sharpe())).append(",\n");
            field(json, 3, "exposure", ratio(r.exposure())).append(",\n");
            field(json, 3, "fees", amount(r.fees())).append(",\n");
            field(json, 3, "start_equity", amount(r.startEquity())).append(",\n");
            field(json, 3, "end_equity", amount(r.endEquity())).append(",\n");
            field(json, 3, "candles", Long.toString(r.candles())).append(",\n");
            field(json, 3, "fills", Integer.toString(r.fills())).append(",\n");
            field(json, 3, "open_at_end", Boolean.toString(r.openAtEnd())).append('\n');
            indent(json, 2).append('}');
        }
        json.append(reports.isEmpty() ? "}\n" : "\n  }\n");
        json.append("}\n");
        return json.toString();
    }

    static String amount(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String ratio(Double value) {
        return value == null ? "null" : String.format(Locale.ROOT, "%.10g", value).replaceFirst("\\.?0+(e|$)", "$1");
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '<' -> quoted.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static StringBuilder field(StringBuilder json, int depth, String name, String value) {
        return indent(json, depth).append('"').append(name).append("\": ").append(value);
    }

    private static StringBuilder indent(StringBuilder json, int depth) {
        return json.append("  ".repeat(depth));
    }
}
