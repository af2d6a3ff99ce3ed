package dev.tickflow.testkit.binance;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Binance's rules for the fake's STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT and LIMIT_MAKER orders and OCO pairs: what it
 * refuses at placement, and when a trade triggers a stop (a trailing stop: {@code trailingDelta} bps back from the best
 * price since it started tracking).
 */
final class FakeStopOrders {
    /** The TRAILING_DELTA filter the fake publishes for every symbol, as the Spot Testnet has it. */
    static final int MIN_TRAILING_DELTA = 10;
    static final int MAX_TRAILING_DELTA = 2000;
    private static final BigDecimal BPS = new BigDecimal("10000");

    /** A refusal: Binance's code and message. */
    record Refusal(int code, String message) {
    }

    /** Where a conditional order is on its way to its trigger: the best price since it tracks (null before), and whether it fired. */
    record Tracking(BigDecimal best, boolean triggered) {
    }

    private FakeStopOrders() {
    }

    static boolean isConditional(String type) {
        return type.equals("STOP_LOSS_LIMIT") || type.equals("TAKE_PROFIT_LIMIT");
    }

    /** Whether the order triggers when the market falls to it (a SELL stop loss, a BUY take profit). */
    static boolean triggersBelow(String side, String type) {
        return type.equals("STOP_LOSS_LIMIT") == side.equals("SELL");
    }

    /** What Binance answers a new order that would act at once or whose trailing delta is out of bounds; empty when it is fine. */
    static Optional<Refusal> refusal(String side, String type, BigDecimal price, BigDecimal stopPrice, Integer trailingDelta, BigDecimal market) {
        if (type.equals("LIMIT_MAKER") && (side.equals("SELL") ? price.compareTo(market) <= 0 : price.compareTo(market) >= 0)) {
            return Optional.of(new Refusal(-2010, "Order would immediately match and take."));
        }
        if (!isConditional(type)) {
            return Optional.empty();
        }
        if (trailingDelta != null && (trailingDelta < MIN_TRAILING_DELTA || trailingDelta > MAX_TRAILING_DELTA)) {
            return Optional.of(new Refusal(-1013, "Filter failure: TRAILING_DELTA"));
        }
        boolean below = triggersBelow(side, type);
        if (trailingDelta == null && (below ? stopPrice.compareTo(market) >= 0 : stopPrice.compareTo(market) <= 0)) {
            return Optional.of(new Refusal(-2010, "Stop price would trigger immediately."));
        }
        return Optional.empty();
    }

    /** The tracking of a new conditional order: a trailing stop without an activation price tracks from the market at once. */
    static Tracking atPlacement(BigDecimal stopPrice, Integer trailingDelta, BigDecimal market) {
        return new Tracking(trailingDelta != null && stopPrice == null ? market : null, false);
    }

    /** The tracking after a trade at {@code price}. */
    static Tracking next(String side, String type, BigDecimal stopPrice, Integer trailingDelta, Tracking tracking, BigDecimal price) {
        boolean below = triggersBelow(side, type);
        if (trailingDelta == null) {
            return new Tracking(null, below ? price.compareTo(stopPrice) <= 0 : price.compareTo(stopPrice) >= 0);
        }
        BigDecimal best = tracking.best();
        if (best == null) {
            if (below ? price.compareTo(stopPrice) < 0 : price.compareTo(stopPrice) > 0) {
                return tracking;
            }
            best = price;
        }
        best = below ? best.max(price) : best.min(price);
        BigDecimal move = best.multiply(BigDecimal.valueOf(trailingDelta)).divide(BPS);
        return new Tracking(best, below ? price.compareTo(best.subtract(move)) <= 0 : price.compareTo(best.add(move)) >= 0);
    }
}
