package dev.tickflow.executor.venue;

import java.math.BigDecimal;

/**
 * Where a STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT order is on its way to its trigger, as the paper venue tracks it trade by
 * trade: the best price since it started tracking (a trailing stop: since placement, or since the market reached its
 * activation price; null before), and whether it has triggered, after which it works as a LIMIT at its price.
 */
public record StopTrigger(BigDecimal bestPrice, boolean triggered) {
    private static final BigDecimal BPS = new BigDecimal("10000");

    public static final StopTrigger WAITING = new StopTrigger(null, false);

    /** The state at placement, at last price {@code last}: a trailing stop without an activation price tracks from there. */
    public static StopTrigger atPlacement(OrderRequest order, BigDecimal last) {
        return order.trailingDelta() != null && order.stopPrice() == null ? new StopTrigger(last, false) : WAITING;
    }

    /** The state after a trade at {@code price}. */
    public StopTrigger next(OrderRequest order, BigDecimal price) {
        if (triggered) {
            return this;
        }
        boolean below = OrderRules.triggersBelow(order);
        if (order.trailingDelta() == null) {
            BigDecimal stop = order.stopPrice();
            return new StopTrigger(null, below ? price.compareTo(stop) <= 0 : price.compareTo(stop) >= 0);
        }
        BigDecimal best = bestPrice;
        if (best == null) {
            boolean activated = below ? price.compareTo(order.stopPrice()) >= 0 : price.compareTo(order.stopPrice()) <= 0;
            if (!activated) {
                return this;
            }
            best = price;
        }
        best = below ? best.max(price) : best.min(price);
        BigDecimal move = best.multiply(BigDecimal.valueOf(order.trailingDelta())).divide(BPS);
        boolean hit = below ? price.compareTo(best.subtract(move)) <= 0 : price.compareTo(best.add(move)) >= 0;
        return new StopTrigger(best, hit);
    }
}
