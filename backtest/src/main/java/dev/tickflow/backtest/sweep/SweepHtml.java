package dev.tickflow.backtest.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** sweep.html: self-contained (no script, no network): the ranked table, the heat map inline, skipped sets, walk-forward. */
final class SweepHtml {
    private static final int TABLE_ROWS = 100;

    private SweepHtml() {
    }

    static String render(SweepReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sweep ").append(Html.escape(report.symbol()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                        + "padding:2px 6px;text-align:right}th{background:#eee}</style></head><body>\n");
        html.append("<h1>Parameter sweep: ").append(Html.escape(report.symbol())).append(", instance ").append(Html.escape(report.instance()))
                .append(" (").append(Html.escape(report.strategyType())).append(")</h1>\n");
        html.append("<p>").append(report.candles()).append(" candles from ").append(MetricText.time(report.from())).append(" to ")
                .append(MetricText.time(report.to())).append("; ").append(report.grid().size()).append(" parameter sets, ").append(report.ranked().size())
                .append(" run, ").append(report.skipped().size()).append(" skipped; ranked by ").append(report.rankBy().cliName())
                .append(" (ties: net PnL, then grid order).</p>\n");
        html.append("<h2>Ranking</h2>\n");
        List<String> header = new ArrayList<>(List.of("rank"));
        header.addAll(report.grid().names());
        header.addAll(MetricText.COLUMNS);
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>\n");
        int rank = 1;
        for (SweepRun run : report.ranked().subList(0, Math.min(TABLE_ROWS, report.ranked().size()))) {
            html.append("<tr><td>").append(rank++).append("</td>");
            run.set().values().values().forEach(v -> html.append("<td>").append(Html.escape(v)).append("</td>"));
            MetricText.columns(run.metrics()).forEach(v -> html.append("<td>").append(v).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (report.ranked().size() > TABLE_ROWS) {
            html.append("<p>The first ").append(TABLE_ROWS).append(" of ").append(report.ranked().size()).append("; all in sweep.csv.</p>\n");
        }
        if (report.heatMap() != null) {
            html.append("<h2>Heat map</h2>\n<p>Each cell: the best set (by ").append(report.rankBy().cliName())
                    .append(") among those with the cell's two values, i.e. the other swept parameters at their best for that cell.</p>\n")
                    .append(HeatMapSvg.render(report.heatMap()));
        }
        if (!report.skipped().isEmpty()) {
            html.append("<h2>Skipped sets</h2>\n<table><tr><th>sets</th><th>reason</th></tr>\n");
            for (Map.Entry<String, Integer> reason : report.skippedByReason().entrySet()) {
                html.append("<tr><td>").append(reason.getValue()).append("</td><td style=\"text-align:left\">").append(Html.escape(reason.getKey()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        if (!report.folds().isEmpty()) {
            html.append("<h2>Walk-forward (rolling, ").append(report.folds().size()).append(" folds)</h2>\n<table><tr><th>fold</th>"
                    + "<th>in-sample from</th><th>out-of-sample from</th><th>to</th><th>best in-sample set</th><th>in-sample net PnL</th>"
                    + "<th>out-of-sample net PnL</th><th>in-sample sharpe</th><th>out-of-sample sharpe</th><th>in trades</th><th>out trades</th></tr>\n");
            for (FoldResult fold : report.folds()) {
                html.append("<tr><td>").append(fold.fold().number()).append("</td><td>").append(MetricText.time(fold.inSampleFrom())).append("</td><td>")
                        .append(MetricText.time(fold.outOfSampleFrom())).append("</td><td>").append(MetricText.time(fold.outOfSampleTo()))
                        .append("</td><td>").append(Html.escape(fold.best().label())).append("</td><td>")
                        .append(fold.inSample().netPnl().toPlainString()).append("</td><td>").append(fold.outOfSample().netPnl().toPlainString())
                        .append("</td><td>").append(MetricText.ratio(fold.inSample().sharpe())).append("</td><td>")
                        .append(MetricText.ratio(fold.outOfSample().sharpe())).append("</td><td>").append(fold.inSample().trades())
                        .append("</td><td>").append(fold.outOfSample().trades()).append("</td></tr>\n");
            }
            html.append("<tr><th>total</th><td></td><td></td><td></td><td></td><td>").append(report.inSampleNetPnl().toPlainString())
                    .append("</td><td>").append(report.outOfSampleNetPnl().toPlainString()).append("</td><td></td><td></td><td>")
                    .append(report.inSampleTrades()).append("</td><td>").append(report.outOfSampleTrades()).append("</td></tr>\n</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }
}
