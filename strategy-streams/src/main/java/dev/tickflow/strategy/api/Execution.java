package dev.tickflow.strategy.api;

import java.math.BigDecimal;
import java.util.Objects;

/** One fill of an order of the instance, as strategies see it. */
public record Execution(String clientOrderId, Side side, BigDecimal price, BigDecimal quantity, long tradeTime) {

    public enum Side { BUY, SELL }

    public Execution {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}
