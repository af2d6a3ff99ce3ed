package dev.tickflow.executor.venue;

/**
 * Binance's TRAILING_DELTA filter, in basis points; zero means unbounded. "Above" bounds a trailing stop that triggers
 * above the market (a BUY STOP_LOSS_LIMIT, a SELL TAKE_PROFIT_LIMIT), "below" one that triggers below it (a SELL
 * STOP_LOSS_LIMIT, a BUY TAKE_PROFIT_LIMIT).
 */
public record TrailingDeltaBounds(int minAbove, int maxAbove, int minBelow, int maxBelow) {
    public static final TrailingDeltaBounds NONE = new TrailingDeltaBounds(0, 0, 0, 0);
}
