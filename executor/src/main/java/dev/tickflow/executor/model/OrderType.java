package dev.tickflow.executor.model;

/**
 * MARKET fills at once at the market; LIMIT at its limit price or better, and may rest. STOP_LOSS_LIMIT and
 * TAKE_PROFIT_LIMIT wait for the market to trade at or through their stop price (a trailing stop: to move its trailing
 * delta back from its best price since placement), then work as a LIMIT at their limit price. LIMIT_MAKER rests at its
 * price and is refused rather than take.
 */
public enum OrderType {
    MARKET,
    LIMIT,
    STOP_LOSS_LIMIT,
    TAKE_PROFIT_LIMIT,
    LIMIT_MAKER;

    /** Whether the order waits for a trigger before it works. */
    public boolean isConditional() {
        return this == STOP_LOSS_LIMIT || this == TAKE_PROFIT_LIMIT;
    }

    /** Whether the order carries a limit price. */
    public boolean hasLimitPrice() {
        return this != MARKET;
    }
}
