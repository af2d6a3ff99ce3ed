package dev.tickflow.backtest;

import dev.tickflow.backtest.report.InstanceReport;
import dev.tickflow.backtest.report.PortfolioReport;
import dev.tickflow.backtest.report.SymbolSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The terminal summary of the instances' reports: one row per instance. */
final class ReportTable {
    private static final String PORTFOLIO_ROW = "%-10s %11s %9s %8s %7s %7s %16s %16s  %s";
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

    /** One row per symbol and the totals, fees and PnL per quote asset (amounts of different quotes are never added). */
    static List<String> portfolioLines(List<SymbolSummary> symbols) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, PORTFOLIO_ROW, "symbol", "trades", "candles", "signals", "orders", "fills", "fees", "pnl", "quote"));
        for (SymbolSummary s : symbols) {
            lines.add(String.format(Locale.ROOT, PORTFOLIO_ROW, s.symbol(), count(s.trades()), count(s.candles()), count(s.signals()),
                    count(s.orders()), count(s.fills()), amount(s.fees()), amount(s.pnl()), s.quoteAsset()));
        }
        Map<String, BigDecimal> fees = PortfolioReport.perQuote(symbols, true);
        Map<String, BigDecimal> pnl = PortfolioReport.perQuote(symbols, false);
        boolean first = true;
        for (String quote : fees.keySet()) {
            lines.add(first
                    ? String.format(Locale.ROOT, PORTFOLIO_ROW, "total", count(PortfolioReport.sum(symbols, SymbolSummary::trades)),
                            count(PortfolioReport.sum(symbols, SymbolSummary::candles)), count(PortfolioReport.sum(symbols, SymbolSummary::signals)),
                            count(PortfolioReport.sum(symbols, SymbolSummary::orders)), count(PortfolioReport.sum(symbols, SymbolSummary::fills)), amount(fees.get(quote)),
                            amount(pnl.get(quote)), quote)
                    : String.format(Locale.ROOT, PORTFOLIO_ROW, "", "", "", "", "", "", amount(fees.get(quote)), amount(pnl.get(quote)), quote));
            first = false;
        }
        return lines;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String amount(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", value * 100);
    }

    private static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
