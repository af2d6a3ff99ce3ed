package dev.tickflow.executor.venue;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the executor decided it, after risk checks.
 *
 * @param clientOrderId    derived from the signal id, so the same signal always names the same order
 * @param limitPrice       null for a market order
 * @param timeInForce      null for a market order
 * @param expiresAt        when the executor cancels a resting limit order; null for none
 * @param createdAt        event time of the signal that caused it
 */
public record OrderRequest(String clientOrderId, String signalId, String strategyInstance, String symbol, OrderSide side,
                           OrderType type, BigDecimal quantity, BigDecimal limitPrice, TimeInForce timeInForce,
                           Instant expiresAt, Instant createdAt) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        if (type == OrderType.LIMIT && (limitPrice == null || timeInForce == null)) {
            throw new IllegalArgumentException("A LIMIT order needs a limit price and a time in force: " + clientOrderId);
        }
    }
}
