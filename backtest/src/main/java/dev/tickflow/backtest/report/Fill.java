package dev.tickflow.backtest.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution of a strategy instance's order: {@code quantity} of the base asset at {@code price}, {@code fee} in the
 * quote asset.
 *
 * @param time epoch milliseconds (UTC)
 */
public record Fill(String instance, String symbol, long time, Side side, BigDecimal price, BigDecimal quantity, BigDecimal fee) {

    public enum Side { BUY, SELL }

    public Fill {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (price.signum() <= 0 || quantity.signum() <= 0 || fee.signum() < 0) {
            throw new IllegalArgumentException("A fill needs a positive price and quantity and a fee of 0 or more: " + price + " x "
                    + quantity + ", fee " + fee);
        }
    }

    /** price x quantity, exact. */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
