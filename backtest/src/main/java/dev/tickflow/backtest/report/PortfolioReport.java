package dev.tickflow.backtest.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * report.json and report.html of a multi-symbol backtest: per symbol and in total, trades, candles, signals, orders,
 * fills, fees and PnL. Amounts of different quote assets are never added together: the totals of fees and PnL are per
 * quote asset. Each symbol's full report (metrics per instance, charts) is in its own directory.
 */
public final class PortfolioReport {
    private PortfolioReport() {
    }

    /** Fees or PnL summed per quote asset, assets in alphabetical order. */
    public static Map<String, BigDecimal> perQuote(List<SymbolSummary> symbols, boolean fees) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (SymbolSummary symbol : symbols) {
            sums.merge(symbol.quoteAsset(), fees ? symbol.fees() : symbol.pnl(), BigDecimal::add);
        }
        return sums;
    }

    public static String json(List<SymbolSummary> symbols, String intervalName, Account account) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\n");
        json.append("  \"symbols\": [");
        for (int i = 0; i < symbols.size(); i++) {
            SymbolSummary s = symbols.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"symbol\": ").append(ReportJson.quote(s.symbol()))
                    .append(", \"quote_asset\": ").append(ReportJson.quote(s.quoteAsset()))
                    .append(counts(s.trades(), s.candles(), s.signals(), s.orders(), s.fills()))
                    .append(", \"fees\": ").append(ReportJson.amount(s.fees()))
                    .append(", \"pnl\": ").append(ReportJson.amount(s.pnl()))
                    .append(", \"report\": ").append(ReportJson.quote(s.symbol() + "/report.json")).append('}');
        }
        json.append(symbols.isEmpty() ? "],\n" : "\n  ],\n");
        json.append("  \"interval\": ").append(ReportJson.quote(intervalName)).append(",\n");
        json.append("  \"starting_capital_per_instance_and_symbol\": ").append(ReportJson.amount(account.startingCapital())).append(",\n");
        json.append("  \"fee_rate\": ").append(ReportJson.amount(account.feeRate())).append(",\n");
        json.append("  \"portfolio\": {");
        json.append(counts(sum(symbols, SymbolSummary::trades), sum(symbols, SymbolSummary::candles), sum(symbols, SymbolSummary::signals),
                sum(symbols, SymbolSummary::orders), sum(symbols, SymbolSummary::fills)).substring(2));
        json.append(", \"fees\": ").append(amounts(perQuote(symbols, true)));
        json.append(", \"pnl\": ").append(amounts(perQuote(symbols, false))).append("}\n");
        json.append("}\n");
        return json.toString();
    }

    public static String html(List<SymbolSummary> symbols, String intervalName, Account account) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest portfolio ")
                .append(ReportHtml.escapeHtml(intervalName)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}</style></head><body>\n")
                .append("<h1>Backtest portfolio</h1>\n<p>Interval ").append(ReportHtml.escapeHtml(intervalName))
                .append(", starting capital per instance and symbol ").append(ReportJson.amount(account.startingCapital()))
                .append(" (quote asset), fee rate ").append(ReportJson.amount(account.feeRate())).append(".</p>\n<table>\n")
                .append("<tr><th>symbol</th><th>trades</th><th>candles</th><th>signals</th><th>orders</th><th>fills</th><th>fees</th>"
                        + "<th>PnL</th><th>quote</th></tr>\n");
        for (SymbolSummary s : symbols) {
            String name = ReportHtml.escapeHtml(s.symbol());
            html.append("<tr><td><a href=\"").append(name).append("/report.html\">").append(name).append("</a></td>")
                    .append(cells(s.trades(), s.candles(), s.signals(), s.orders(), s.fills()))
                    .append("<td>").append(ReportJson.amount(s.fees())).append("</td><td>").append(ReportJson.amount(s.pnl()))
                    .append("</td><td>").append(ReportHtml.escapeHtml(s.quoteAsset())).append("</td></tr>\n");
        }
        Map<String, BigDecimal> fees = perQuote(symbols, true);
        Map<String, BigDecimal> pnl = perQuote(symbols, false);
        boolean first = true;
        for (String quote : fees.keySet()) {
            html.append("<tr><th>").append(first ? "total" : "").append("</th>")
                    .append(first ? cells(sum(symbols, SymbolSummary::trades), sum(symbols, SymbolSummary::candles),
                            sum(symbols, SymbolSummary::signals), sum(symbols, SymbolSummary::orders), sum(symbols, SymbolSummary::fills))
                            : "<td></td>".repeat(5))
                    .append("<td>").append(ReportJson.amount(fees.get(quote))).append("</td><td>").append(ReportJson.amount(pnl.get(quote)))
                    .append("</td><td>").append(ReportHtml.escapeHtml(quote)).append("</td></tr>\n");
            first = false;
        }
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    private static String counts(long trades, long candles, long signals, long orders, long fills) {
        return ", \"trades\": " + trades + ", \"candles\": " + candles + ", \"signals\": " + signals + ", \"orders\": " + orders
                + ", \"fills\": " + fills;
    }

    private static String cells(long... values) {
        StringBuilder cells = new StringBuilder();
        for (long value : values) {
            cells.append("<td>").append(value).append("</td>");
        }
        return cells.toString();
    }

    private static String amounts(Map<String, BigDecimal> byQuote) {
        StringBuilder json = new StringBuilder("{");
        byQuote.forEach((quote, amount) -> json.append(json.length() == 1 ? "" : ", ").append(ReportJson.quote(quote)).append(": ")
                .append(ReportJson.amount(amount)));
        return json.append('}').toString();
    }

    /** A count summed over the symbols. */
    public static long sum(List<SymbolSummary> symbols, ToLongFunction<SymbolSummary> count) {
        return symbols.stream().mapToLong(count).sum();
    }
}
