package dev.tickflow.backtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * report.html: one self-contained page, readable offline. Apache ECharts (from the {@code org.webjars:echarts} WebJar)
 * and the data are inlined: the metrics table, the price line with each instance's buys and sells, and the equity
 * curve of each instance. Curves longer than {@link #MAX_POINTS} candles are drawn from every n-th candle (the last
 * always included); every fill is drawn.
 */
public final class ReportHtml {
    static final int MAX_POINTS = 20_000;
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final String TEMPLATE = "/dev/tickflow/backtest/report/report.html";

    private ReportHtml() {
    }

    public static String render(BacktestReport report, String intervalName) {
        return resource(TEMPLATE)
                .replace("@TITLE@", escapeHtml(report.symbol() + " " + intervalName))
                .replace("@DATA@", data(report, intervalName))
                .replace("@ECHARTS@", resource(ECHARTS).replace("</script", "<\\/script"));
    }

    private static String data(BacktestReport report, String intervalName) {
        LongSeries times = report.closeTimes();
        int candles = times.size();
        int stride = Math.max(1, (candles + MAX_POINTS - 1) / MAX_POINTS);
        StringBuilder json = new StringBuilder(64 * Math.min(candles, MAX_POINTS) * (1 + report.ledgers().size()));
        json.append("{\"symbol\":").append(ReportJson.quote(report.symbol()))
                .append(",\"interval\":").append(ReportJson.quote(intervalName))
                .append(",\"starting_capital\":").append(ReportJson.quote(ReportJson.amount(report.account().startingCapital())))
                .append(",\"fee_rate\":").append(ReportJson.quote(ReportJson.amount(report.account().feeRate())))
                .append(",\"fill_model\":\"the executor's paper broker\"")
                .append(",\"candles\":").append(candles)
                .append(",\"stride\":").append(stride)
                .append(",\"sampled\":").append(stride > 1)
                .append(",\"prices\":");
        points(json, times, report.closes(), stride);
        json.append(",\"instances\":[");
        List<InstanceLedger> ledgers = report.ledgers();
        List<InstanceReport> reports = report.reports();
        for (int i = 0; i < ledgers.size(); i++) {
            InstanceLedger ledger = ledgers.get(i);
            InstanceReport metrics = reports.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(ReportJson.quote(ledger.instance()));
            json.append(",\"metrics\":{\"trades\":").append(metrics.trades())
                    .append(",\"win_rate\":").append(ReportJson.ratio(metrics.winRate()))
                    .append(",\"total_return\":").append(ReportJson.ratio(metrics.totalReturn()))
                    .append(",\"profit_factor\":").append(ReportJson.ratio(metrics.profitFactor()))
                    .append(",\"max_drawdown\":").append(ReportJson.ratio(metrics.maxDrawdown()))
                    .append(",\"sharpe\":").append(ReportJson.ratio(metrics.sharpe()))
                    .append(",\"exposure\":").append(ReportJson.ratio(metrics.exposure()))
                    .append(",\"fees\":").append(ReportJson.quote(display(metrics.fees())))
                    .append(",\"start_equity\":").append(ReportJson.quote(display(metrics.startEquity())))
                    .append(",\"end_equity\":").append(ReportJson.quote(display(metrics.endEquity())))
                    .append('}');
            json.append(",\"equity\":");
            points(json, ledger.markTimes(), ledger.equityCurve(), stride);
            json.append(",\"buys\":");
            fills(json, ledger, Fill.Side.BUY);
            json.append(",\"sells\":");
            fills(json, ledger, Fill.Side.SELL);
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void points(StringBuilder json, LongSeries times, DoubleSeries values, int stride) {
        json.append('[');
        int size = times.size();
        boolean first = true;
        for (int i = 0; i < size; i++) {
            if (i % stride == 0 || i == size - 1) {
                json.append(first ? "" : ",").append('[').append(times.get(i)).append(',').append(ReportJson.ratio(values.get(i))).append(']');
                first = false;
            }
        }
        json.append(']');
    }

    private static void fills(StringBuilder json, InstanceLedger ledger, Fill.Side side) {
        json.append('[');
        boolean first = true;
        for (Fill fill : ledger.fills()) {
            if (fill.side() == side) {
                json.append(first ? "" : ",").append('[').append(fill.time()).append(',').append(fill.price().toPlainString()).append(']');
                first = false;
            }
        }
        json.append(']');
    }

    /** Amounts in the page's table: rounded to 8 decimals (report.json has them exact). */
    private static String display(BigDecimal amount) {
        return ReportJson.amount(amount.setScale(8, RoundingMode.HALF_EVEN));
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
