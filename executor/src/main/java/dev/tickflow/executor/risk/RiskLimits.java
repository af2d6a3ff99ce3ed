package dev.tickflow.executor.risk;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The limits of one strategy instance; a null limit is off. Notionals and losses are in the symbol's quote asset.
 *
 * @param maxPositionNotional  largest |position| × price per symbol after the order
 * @param maxOrderNotional     largest quantity × price of one order
 * @param maxOrdersPerSecond   orders placed in any one second of the executor's clock
 * @param maxOpenOrders        resting orders at once
 * @param maxDailyLoss         loss (net PnL below its value at the start of the UTC day) that halts
 * @param maxDrawdown          fall of net PnL from its peak that halts
 * @param maxSignalAge         a signal older than this (signal time vs. the executor's clock) is refused
 */
public record RiskLimits(BigDecimal maxPositionNotional, BigDecimal maxOrderNotional, Integer maxOrdersPerSecond,
                         Integer maxOpenOrders, BigDecimal maxDailyLoss, BigDecimal maxDrawdown, Duration maxSignalAge) {

    public static RiskLimits none() {
        return new RiskLimits(null, null, null, null, null, null, null);
    }

    /** These limits with every non-null limit of {@code override} in place of its own. */
    public RiskLimits overriddenBy(RiskLimits override) {
        return new RiskLimits(
                pick(override.maxPositionNotional, maxPositionNotional),
                pick(override.maxOrderNotional, maxOrderNotional),
                pick(override.maxOrdersPerSecond, maxOrdersPerSecond),
                pick(override.maxOpenOrders, maxOpenOrders),
                pick(override.maxDailyLoss, maxDailyLoss),
                pick(override.maxDrawdown, maxDrawdown),
                pick(override.maxSignalAge, maxSignalAge));
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
