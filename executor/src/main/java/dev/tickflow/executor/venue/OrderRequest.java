package dev.tickflow.executor.venue;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.Protection;
import dev.tickflow.executor.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the executor decided it, after risk checks.
 *
 * @param clientOrderId    derived from the signal id (a protective order's: from the fill it protects), so the same
 *                         cause always names the same order
 * @param limitPrice       null for a market order
 * @param timeInForce      null for a market and a LIMIT_MAKER order
 * @param expiresAt        when the executor cancels a resting limit order; null for none
 * @param createdAt        event time of the signal (or fill) that caused it
 * @param stop             stop price, trailing delta, OCO leg and protection; {@link StopTerms#NONE} for a plain order
 */
public record OrderRequest(String clientOrderId, String signalId, String strategyInstance, String symbol, OrderSide side,
                           OrderType type, BigDecimal quantity, BigDecimal limitPrice, TimeInForce timeInForce,
                           Instant expiresAt, Instant createdAt, StopTerms stop) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        stop = stop == null ? StopTerms.NONE : stop;
        if ((type == OrderType.LIMIT || type.isConditional()) && (limitPrice == null || timeInForce == null)) {
            throw new IllegalArgumentException("A " + type + " order needs a limit price and a time in force: " + clientOrderId);
        }
        if (type == OrderType.LIMIT_MAKER && limitPrice == null) {
            throw new IllegalArgumentException("A LIMIT_MAKER order needs a limit price: " + clientOrderId);
        }
        if (type.isConditional() && stop.stopPrice() == null && stop.trailingDelta() == null) {
            throw new IllegalArgumentException("A " + type + " order needs a stop price or a trailing delta: " + clientOrderId);
        }
        if (!type.isConditional() && (stop.stopPrice() != null || stop.trailingDelta() != null)) {
            throw new IllegalArgumentException("Only STOP_LOSS_LIMIT and TAKE_PROFIT_LIMIT orders take a stop price or a trailing delta: "
                    + clientOrderId);
        }
        if (stop.isOco() && type != OrderType.STOP_LOSS_LIMIT) {
            throw new IllegalArgumentException("The stop leg of an OCO pair is a STOP_LOSS_LIMIT order: " + clientOrderId);
        }
    }

    /** A plain order: MARKET, LIMIT or LIMIT_MAKER, caused by a signal. */
    public OrderRequest(String clientOrderId, String signalId, String strategyInstance, String symbol, OrderSide side, OrderType type,
                        BigDecimal quantity, BigDecimal limitPrice, TimeInForce timeInForce, Instant expiresAt, Instant createdAt) {
        this(clientOrderId, signalId, strategyInstance, symbol, side, type, quantity, limitPrice, timeInForce, expiresAt, createdAt,
                StopTerms.NONE);
    }

    public BigDecimal stopPrice() {
        return stop.stopPrice();
    }

    public Integer trailingDelta() {
        return stop.trailingDelta();
    }

    /** What the order protects a position with; null for an order of a signal. */
    public Protection protection() {
        return stop.protection();
    }

    /** Whether it is a protective order held by the exchange for a position. */
    public boolean isProtective() {
        return stop.protection() != null;
    }
}
