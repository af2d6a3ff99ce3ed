package dev.tickflow.backtest.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The account of one strategy instance during a backtest: cash and position from its fills (exact), equity marked to
 * market on every candle close, and the running figures of its {@link InstanceReport}. Call {@link #fill} for the
 * fills of a candle before {@link #markToMarket} with that candle's close.
 */
public final class InstanceLedger {
    private final String instance;
    private final BigDecimal startEquity;
    private BigDecimal cash;
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    /** Cash paid for the open position, fees included. */
    private BigDecimal openCost = BigDecimal.ZERO;

    private final List<BigDecimal> roundTripPnl = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final LongSeries markTimes = new LongSeries();
    private final DoubleSeries equityCurve = new DoubleSeries();

    private BigDecimal equity;
    private double lastEquity;
    private BigDecimal peakEquity;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private boolean longAtPreviousMark;
    private long candles;
    private long exposedCandles;
    // Welford's running mean and sum of squared deviations of the per-candle returns
    private long returns;
    private double meanReturn;
    private double squaredDeviations;

    public InstanceLedger(String instance, BigDecimal startEquity) {
        this.instance = instance;
        this.startEquity = startEquity;
        this.cash = startEquity;
        this.equity = startEquity;
        this.peakEquity = startEquity;
    }

    public String instance() {
        return instance;
    }

    public BigDecimal cash() {
        return cash;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public boolean isLong() {
        return quantity.signum() > 0;
    }

    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    /** Applies a fill; a sell must not exceed the position (spot, no shorting). */
    public void fill(Fill fill) {
        BigDecimal notional = fill.notional();
        if (fill.side() == Fill.Side.BUY) {
            cash = cash.subtract(notional).subtract(fill.fee());
            quantity = quantity.add(fill.quantity());
            openCost = openCost.add(notional).add(fill.fee());
        } else {
            if (fill.quantity().compareTo(quantity) > 0) {
                throw new IllegalArgumentException("Instance " + instance + " sells " + fill.quantity().toPlainString() + " but holds "
                        + quantity.toPlainString());
            }
            BigDecimal proceeds = notional.subtract(fill.fee());
            cash = cash.add(proceeds);
            boolean closes = fill.quantity().compareTo(quantity) == 0;
            BigDecimal costOfSold = closes ? openCost : openCost.multiply(fill.quantity()).divide(quantity, MathContext.DECIMAL128);
            quantity = quantity.subtract(fill.quantity());
            openCost = quantity.signum() == 0 ? BigDecimal.ZERO : openCost.subtract(costOfSold);
            if (quantity.signum() == 0) {
                roundTripPnl.add(proceeds.subtract(costOfSold));
            }
        }
        fees = fees.add(fill.fee());
        fills.add(fill);
    }

    /** Marks the account to a candle's close: one point of the equity curve and one per-candle return. */
    public void markToMarket(long time, BigDecimal close) {
        BigDecimal previous = equity;
        equity = cash.add(quantity.multiply(close));
        candles++;
        if (longAtPreviousMark) {
            exposedCandles++;
        }
        longAtPreviousMark = isLong();
        // unchanged equity (no position): the drawdown of the previous mark and a return of exactly 0, without dividing
        boolean unchanged = equity.compareTo(previous) == 0;
        if (equity.compareTo(peakEquity) > 0) {
            peakEquity = equity;
        } else if (!unchanged) {
            BigDecimal drawdown = peakEquity.subtract(equity).divide(peakEquity, MathContext.DECIMAL128);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                maxDrawdown = drawdown;
            }
        }
        double candleReturn = unchanged ? 0.0 : equity.divide(previous, MathContext.DECIMAL64).doubleValue() - 1.0;
        returns++;
        double delta = candleReturn - meanReturn;
        meanReturn += delta / returns;
        squaredDeviations += delta * (candleReturn - meanReturn);
        markTimes.add(time);
        if (!unchanged || equityCurve.size() == 0) {
            lastEquity = equity.doubleValue();
        }
        equityCurve.add(lastEquity);
    }

    LongSeries markTimes() {
        return markTimes;
    }

    DoubleSeries equityCurve() {
        return equityCurve;
    }

    /** The report so far; {@code candlesPerYear} annualises the Sharpe ratio. */
    public InstanceReport report(double candlesPerYear) {
        BigDecimal grossProfit = BigDecimal.ZERO;
        BigDecimal grossLoss = BigDecimal.ZERO;
        int wins = 0;
        for (BigDecimal pnl : roundTripPnl) {
            if (pnl.signum() > 0) {
                wins++;
                grossProfit = grossProfit.add(pnl);
            } else {
                grossLoss = grossLoss.add(pnl.negate());
            }
        }
        int trades = roundTripPnl.size();
        Double winRate = trades == 0 ? null : (double) wins / trades;
        Double profitFactor = grossLoss.signum() == 0 ? null : grossProfit.divide(grossLoss, MathContext.DECIMAL64).doubleValue();
        double totalReturn = equity.divide(startEquity, MathContext.DECIMAL64).doubleValue() - 1.0;
        Double sharpe = null;
        if (returns >= 2) {
            double stddev = Math.sqrt(squaredDeviations / (returns - 1));
            if (stddev > 0) {
                sharpe = meanReturn / stddev * Math.sqrt(candlesPerYear);
            }
        }
        Double exposure = candles == 0 ? null : (double) exposedCandles / candles;
        return new InstanceReport(instance, trades, winRate, totalReturn, profitFactor, maxDrawdown.doubleValue(), sharpe, exposure,
                fees, startEquity, equity, candles, fills.size(), isLong());
    }
}
