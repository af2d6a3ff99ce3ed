package dev.tickflow.backtest.report;

import java.math.BigDecimal;

/**
 * The simulated account of every strategy instance in a backtest: each starts with {@code startingCapital} in the
 * quote asset and pays {@code feeRate} of each fill's notional as fee.
 */
public record Account(BigDecimal startingCapital, BigDecimal feeRate) {
    public static final BigDecimal DEFAULT_STARTING_CAPITAL = new BigDecimal("10000");
    /** Binance's spot taker fee without discounts, 0.1%. */
    public static final BigDecimal DEFAULT_FEE_RATE = new BigDecimal("0.001");
    public static final Account DEFAULT = new Account(DEFAULT_STARTING_CAPITAL, DEFAULT_FEE_RATE);

    public Account {
        if (startingCapital.signum() <= 0) {
            throw new IllegalArgumentException("The starting capital must be positive, not " + startingCapital.toPlainString());
        }
        if (feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("The fee rate must be at least 0 and below 1, not " + feeRate.toPlainString());
        }
    }
}
