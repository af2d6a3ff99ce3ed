package dev.tickflow.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.criteria.MaximumDrawdownCriterion;
import org.ta4j.core.criteria.NumberOfBarsCriterion;
import org.ta4j.core.criteria.NumberOfPositionsCriterion;
import org.ta4j.core.criteria.PositionsRatioCriterion;
import org.ta4j.core.criteria.pnl.LossCriterion;
import org.ta4j.core.criteria.pnl.ProfitCriterion;
import org.ta4j.core.criteria.pnl.ReturnCriterion;
import org.ta4j.core.num.DecimalNum;

/**
 * The report's metrics against ta4j's analysis criteria on the same closes and the same entries and exits (at the
 * close of their bar, the signal price). ta4j's drawdown and return assume the whole account in every position, so
 * those are compared without fees; the quantities differ from ta4j's only by the 8-decimal rounding down of ours.
 */
class BacktestReportAgainstTa4jTest {
    private static final long MINUTE = 60_000;

    @Test
    void roundTripsWinRateProfitFactorAndExposureMatchTa4jWithFees() {
        List<BigDecimal> closes = randomWalk(7, 400);
        // 151: a second LONG while long gives no fill
        Set<Integer> entries = Set.of(3, 40, 90, 150, 151, 230, 300);
        Set<Integer> exits = Set.of(25, 70, 140, 200, 260, 390);
        BigDecimal feeRate = new BigDecimal("0.001");
        Run run = run(closes, entries, exits, feeRate);

        BarSeries series = series(closes);
        TradingRecord record = new BaseTradingRecord(Trade.TradeType.BUY, new LinearTransactionCostModel(0.001), new ZeroCostModel());
        for (Fill fill : run.ledgerFills) {
            int index = (int) ((fill.time() + 1) / MINUTE) - 1;
            record.operate(index, series.numOf(fill.price()), series.numOf(fill.quantity()));
        }
        InstanceReport report = run.report;

        assertThat(report.trades()).isEqualTo(new NumberOfPositionsCriterion().calculate(series, record).intValue()).isEqualTo(6);
        assertThat(report.winRate()).isCloseTo(PositionsRatioCriterion.WinningPositionsRatioCriterion().calculate(series, record).doubleValue(),
                within(1e-12));
        double ta4jProfit = new ProfitCriterion(false).calculate(series, record).doubleValue();
        double ta4jLoss = new LossCriterion(false).calculate(series, record).doubleValue();
        assertThat(report.profitFactor()).isCloseTo(ta4jProfit / -ta4jLoss, within(1e-9));
        // ta4j counts both the entry and the exit bar of a position; we count the bars whose price change was held
        int ta4jBars = new NumberOfBarsCriterion().calculate(series, record).intValue();
        assertThat(report.exposure()).isCloseTo((double) (ta4jBars - report.trades()) / closes.size(), within(1e-12));
        assertThat(report.openAtEnd()).isFalse();
    }

    @Test
    void maximumDrawdownAndReturnMatchTa4jWithoutFees() {
        List<BigDecimal> closes = randomWalk(11, 500);
        Set<Integer> entries = Set.of(0, 60, 120, 333);
        Set<Integer> exits = Set.of(50, 100, 300, 499);
        Run run = run(closes, entries, exits, BigDecimal.ZERO);

        BarSeries series = series(closes);
        TradingRecord record = new BaseTradingRecord();
        for (Fill fill : run.ledgerFills) {
            int index = (int) ((fill.time() + 1) / MINUTE) - 1;
            record.operate(index, series.numOf(fill.price()), series.numOf(fill.quantity()));
        }
        InstanceReport report = run.report;

        assertThat(report.trades()).isEqualTo(4);
        assertThat(report.maxDrawdown()).isCloseTo(new MaximumDrawdownCriterion().calculate(series, record).doubleValue(), within(1e-7));
        assertThat(report.maxDrawdown()).isGreaterThan(0.01);
        assertThat(1 + report.totalReturn()).isCloseTo(new ReturnCriterion().calculate(series, record).doubleValue(), within(1e-7));
        assertThat(report.fees()).isEqualByComparingTo("0");
    }

    private record Run(InstanceReport report, List<Fill> ledgerFills) {
    }

    /** Candle i closes at minute i + 1 - 1 ms; a signal at candle i is filled at its close, then the candle is marked. */
    private static Run run(List<BigDecimal> closes, Set<Integer> entries, Set<Integer> exits, BigDecimal feeRate) {
        BacktestReport report = new BacktestReport("XRPETH", List.of("A"), new Account(new BigDecimal("10000"), feeRate), Duration.ofMinutes(1));
        for (int i = 0; i < closes.size(); i++) {
            long closeTime = (i + 1) * MINUTE - 1;
            if (entries.contains(i)) {
                WholeAccountFills.signal(report, "A", true, closes.get(i), closeTime);
            }
            if (exits.contains(i)) {
                WholeAccountFills.signal(report, "A", false, closes.get(i), closeTime);
            }
            report.candleClosed(closeTime, closes.get(i));
        }
        return new Run(report.reports().get(0), report.ledgers().get(0).fills());
    }

    static List<BigDecimal> randomWalk(long seed, int size) {
        Random random = new Random(seed);
        BigDecimal price = new BigDecimal("0.00123456");
        List<BigDecimal> closes = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            closes.add(price);
            long step = Math.round(random.nextGaussian() * 2_000);
            price = price.add(BigDecimal.valueOf(step, 8)).max(new BigDecimal("0.00010000"));
        }
        return closes;
    }

    private static BarSeries series(List<BigDecimal> closes) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
        ZonedDateTime time = ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (BigDecimal close : closes) {
            time = time.plusMinutes(1);
            series.addBar(time, series.numOf(close), series.numOf(close), series.numOf(close), series.numOf(close), series.numOf(1));
        }
        return series;
    }
}
