package dev.tickflow.executor.risk;

import java.math.BigDecimal;

/**
 * Limits over all symbols; a null limit is off. Notionals and losses are summed in the symbols' quote assets as they are
 * (an account trading one quote asset, e.g. USDT, gets exact sums).
 *
 * @param maxInstanceExposure  largest sum over an instance's symbols of |position| × price after the order
 * @param maxAccountExposure   the same over every instance
 * @param maxAccountOpenOrders resting orders of every instance at once
 * @param maxAccountOrdersPerSecond orders of every instance in any one second of the executor's clock
 * @param maxAccountDailyLoss  loss of the account's net PnL since its value at the start of the UTC day that halts everything
 * @param maxAccountDrawdown   fall of the account's net PnL from its peak that halts everything
 */
public record PortfolioLimits(BigDecimal maxInstanceExposure, BigDecimal maxAccountExposure, Integer maxAccountOpenOrders,
                              Integer maxAccountOrdersPerSecond, BigDecimal maxAccountDailyLoss, BigDecimal maxAccountDrawdown) {

    public static PortfolioLimits none() {
        return new PortfolioLimits(null, null, null, null, null, null);
    }
}
