package dev.tickflow.executor.venue;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Binance's rules for the orders that wait on the market, checked against its last price before an order is sent (or
 * placed on paper), as Binance checks them: a fixed stop must not trigger at once, a trailing delta must lie in the
 * symbol's TRAILING_DELTA bounds, an OCO pair's prices must lie around the market (a SELL: take-profit above the last
 * price, stop below), and a LIMIT_MAKER must not take. The filters of every price (PRICE_FILTER, LOT_SIZE, NOTIONAL) are
 * the pre-trade risk checks'. A reason is {@code "<name>: <detail>"}, as an order event's reject reason.
 */
public final class OrderRules {

    private OrderRules() {
    }

    /** Whether the order triggers when the market falls to it (a SELL stop loss, a BUY take profit), not rises. */
    public static boolean triggersBelow(OrderRequest order) {
        return (order.type() == OrderType.STOP_LOSS_LIMIT) == (order.side() == OrderSide.SELL);
    }

    /** The first rule {@code order} breaks at last price {@code last}; empty when it passes them all. */
    public static Optional<String> check(OrderRequest order, BigDecimal last, Optional<SymbolFilters> filters) {
        if (order.type() == OrderType.LIMIT_MAKER && wouldTake(order.side(), order.limitPrice(), last)) {
            return Optional.of("would-take: LIMIT_MAKER at " + plain(order.limitPrice()) + " would immediately match and take at " + plain(last));
        }
        if (!order.type().isConditional()) {
            return Optional.empty();
        }
        boolean below = triggersBelow(order);
        BigDecimal stop = order.stopPrice();
        if (order.trailingDelta() == null && stop != null && (below ? stop.compareTo(last) >= 0 : stop.compareTo(last) <= 0)) {
            return Optional.of("would-trigger-immediately: stop price " + plain(stop) + " is " + (below ? "at or above" : "at or below")
                    + " the last price " + plain(last));
        }
        if (order.trailingDelta() != null) {
            Optional<String> bounds = trailingBounds(order.trailingDelta(), below, filters.map(SymbolFilters::trailingDelta)
                    .orElse(TrailingDeltaBounds.NONE));
            if (bounds.isPresent()) {
                return bounds;
            }
            if (stop != null && (below ? stop.compareTo(last) <= 0 : stop.compareTo(last) >= 0)) {
                return Optional.of("would-trigger-immediately: the activation price " + plain(stop) + " of a trailing stop must lie "
                        + (below ? "above" : "below") + " the last price " + plain(last));
            }
        }
        BigDecimal takeProfit = order.stop().takeProfitPrice();
        if (takeProfit != null && wouldTake(order.side(), takeProfit, last)) {
            return Optional.of("oco-price-order: the take-profit leg at " + plain(takeProfit) + " must lie "
                    + (order.side() == OrderSide.SELL ? "above" : "below") + " the last price " + plain(last));
        }
        return Optional.empty();
    }

    /** Whether a resting order at {@code price} would trade at once against a market at {@code last}. */
    static boolean wouldTake(OrderSide side, BigDecimal price, BigDecimal last) {
        return side == OrderSide.SELL ? price.compareTo(last) <= 0 : price.compareTo(last) >= 0;
    }

    private static Optional<String> trailingBounds(int delta, boolean below, TrailingDeltaBounds bounds) {
        int min = below ? bounds.minBelow() : bounds.minAbove();
        int max = below ? bounds.maxBelow() : bounds.maxAbove();
        if (min > 0 && delta < min || max > 0 && delta > max) {
            return Optional.of("trailing-delta: " + delta + " bps is outside the symbol's TRAILING_DELTA bounds [" + min + ", " + max + "] "
                    + (below ? "below" : "above") + " the market");
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
