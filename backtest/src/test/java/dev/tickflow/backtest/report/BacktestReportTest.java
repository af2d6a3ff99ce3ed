package dev.tickflow.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases. */
class BacktestReportTest {
    private static final long MINUTE = 60_000;

    private static BacktestReport report(String capital, String feeRate) {
        return new BacktestReport("XRPETH", List.of("A", "B"), new Account(new BigDecimal(capital), new BigDecimal(feeRate)), Duration.ofMinutes(1));
    }

    private static void candle(BacktestReport report, int index, String close) {
        report.candleClosed((index + 1) * MINUTE - 1, new BigDecimal(close));
    }

    @Test
    void oneWinningRoundTripWithoutFees() {
        BacktestReport report = report("1000", "0");
        WholeAccountFills.signal(report, "A", true, new BigDecimal("10"), MINUTE - 1);
        candle(report, 0, "10");
        candle(report, 1, "11");
        candle(report, 2, "9");
        WholeAccountFills.signal(report, "A", false, new BigDecimal("12"), 4 * MINUTE - 1);
        candle(report, 3, "12");

        InstanceReport a = report.reports().get(0);
        assertThat(a.trades()).isEqualTo(1);
        assertThat(a.winRate()).isEqualTo(1.0);
        assertThat(a.profitFactor()).as("no losing round trip").isNull();
        assertThat(a.endEquity()).isEqualByComparingTo("1200");
        assertThat(a.totalReturn()).isCloseTo(0.2, within(1e-15));
        // equity 1000, 1100, 900, 1200: the peak 1100 falls to 900
        assertThat(a.maxDrawdown()).isCloseTo(200.0 / 1100, within(1e-15));
        // held over the price changes of candles 1, 2 and 3
        assertThat(a.exposure()).isEqualTo(0.75);
        double[] returns = {0, 0.1, -200.0 / 1100, 300.0 / 900};
        double mean = (returns[0] + returns[1] + returns[2] + returns[3]) / 4;
        double variance = 0;
        for (double r : returns) {
            variance += (r - mean) * (r - mean);
        }
        double sampleStddev = Math.sqrt(variance / 3);
        assertThat(a.sharpe()).isCloseTo(mean / sampleStddev * Math.sqrt(525_600), within(1e-9));
        assertThat(a.fees()).isEqualByComparingTo("0");

        InstanceReport b = report.reports().get(1);
        assertThat(b.trades()).isZero();
        assertThat(b.winRate()).isNull();
        assertThat(b.sharpe()).as("flat equity has no variance").isNull();
        assertThat(b.exposure()).isEqualTo(0.0);
        assertThat(b.endEquity()).isEqualByComparingTo("1000");
    }

    @Test
    void feesAreExactAndLosingTradesCountAgainstTheProfitFactor() {
        BacktestReport report = report("1000", "0.001");
        // 1000 / (10 x 1.001) = 99.900099900..., rounded down to 99.90009990; fee 0.999000999
        Fill buy = WholeAccountFills.signal(report, "A", true, new BigDecimal("10"), MINUTE - 1).orElseThrow();
        assertThat(buy.quantity()).isEqualByComparingTo("99.90009990");
        assertThat(buy.fee()).isEqualByComparingTo("0.9990009990");
        assertThat(report.ledgers().get(0).cash()).isEqualByComparingTo("0.0000000010");
        candle(report, 0, "10");
        assertThat(WholeAccountFills.signal(report, "A", true, new BigDecimal("10"), MINUTE - 1)).as("already long").isEmpty();
        // sold at 11: 1098.9010989 - fee 1.0989010989 = 1097.8021978011; PnL 97.8021978011 - ... vs cost 999.999999999
        Fill sell = WholeAccountFills.signal(report, "A", false, new BigDecimal("11"), 2 * MINUTE - 1).orElseThrow();
        assertThat(sell.fee()).isEqualByComparingTo("1.0989010989");
        candle(report, 1, "11");
        // second round trip loses: buy at 11, sell at 10
        WholeAccountFills.signal(report, "A", true, new BigDecimal("11"), 3 * MINUTE - 1);
        candle(report, 2, "11");
        WholeAccountFills.signal(report, "A", false, new BigDecimal("10"), 4 * MINUTE - 1);
        candle(report, 3, "10");
        assertThat(WholeAccountFills.signal(report, "A", false, new BigDecimal("10"), 4 * MINUTE - 1)).as("already flat").isEmpty();

        InstanceReport a = report.reports().get(0);
        List<Fill> fills = report.ledgers().get(0).fills();
        assertThat(fills).extracting(Fill::side).containsExactly(Fill.Side.BUY, Fill.Side.SELL, Fill.Side.BUY, Fill.Side.SELL);
        BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(a.fees()).isEqualByComparingTo(fees);
        BigDecimal firstPnl = new BigDecimal("1097.8021978011").subtract(new BigDecimal("999.9999999990"));
        Fill secondBuy = fills.get(2);
        Fill secondSell = fills.get(3);
        BigDecimal secondPnl = secondSell.notional().subtract(secondSell.fee()).subtract(secondBuy.notional()).subtract(secondBuy.fee());
        assertThat(secondPnl.signum()).isNegative();
        assertThat(a.trades()).isEqualTo(2);
        assertThat(a.winRate()).isEqualTo(0.5);
        assertThat(a.profitFactor()).isCloseTo(firstPnl.doubleValue() / -secondPnl.doubleValue(), within(1e-12));
        assertThat(a.endEquity()).isEqualByComparingTo(new BigDecimal("1000").add(firstPnl).add(secondPnl));
        assertThat(a.openAtEnd()).isFalse();
    }

    @Test
    void anOpenPositionIsMarkedAtTheLastCloseAndNotCountedAsATrade() {
        BacktestReport report = report("500", "0");
        candle(report, 0, "2");
        WholeAccountFills.signal(report, "B", true, new BigDecimal("2"), 2 * MINUTE - 1);
        candle(report, 1, "2");
        candle(report, 2, "2.5");
        InstanceReport b = report.reports().get(1);
        assertThat(b.trades()).isZero();
        assertThat(b.openAtEnd()).isTrue();
        assertThat(b.endEquity()).isEqualByComparingTo("625");
        assertThat(b.totalReturn()).isCloseTo(0.25, within(1e-15));
        assertThat(b.exposure()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void sharpeIsAnnualisedByTheCandlesOfTheInterval() {
        BacktestReport hourly = new BacktestReport("X", List.of("A"), Account.DEFAULT, Duration.ofHours(1));
        assertThat(hourly.candlesPerYear()).isEqualTo(8760.0);
    }

    @Test
    void rejectsUnknownInstancesAndBadAccounts() {
        assertThatThrownBy(() -> WholeAccountFills.signal(report("1000", "0"), "Z", true, BigDecimal.ONE, 0)).hasMessageContaining("Unknown strategy instance Z");
        assertThatThrownBy(() -> new Account(BigDecimal.ZERO, BigDecimal.ZERO)).hasMessageContaining("starting capital");
        assertThatThrownBy(() -> new Account(BigDecimal.TEN, BigDecimal.ONE)).hasMessageContaining("fee rate");
    }

    @Test
    void jsonNamesTheMetricsAndHtmlInlinesEcharts() {
        BacktestReport report = report("1000", "0.001");
        WholeAccountFills.signal(report, "A", true, new BigDecimal("10"), MINUTE - 1);
        candle(report, 0, "10");
        candle(report, 1, "10.5");
        String json = ReportJson.render(report, "1m");
        for (String metric : List.of("trades", "win_rate", "total_return", "profit_factor", "max_drawdown", "sharpe", "exposure", "fees",
                "start_equity", "end_equity")) {
            assertThat(json).contains("\"" + metric + "\": ");
        }
        assertThat(json).contains("\"win_rate\": null").contains("\"start_equity\": 1000");
        String html = ReportHtml.render(report, "1m");
        assertThat(html).contains("echarts.init").doesNotContain("@ECHARTS@").doesNotContain("@DATA@").doesNotContain("src=\"http");
        assertThat(html.length()).isGreaterThan(1_000_000);
        assertThat(html).contains("\"buys\":[[59999,10]]");
    }
}
