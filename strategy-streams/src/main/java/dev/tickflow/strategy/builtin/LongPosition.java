package dev.tickflow.strategy.builtin;

import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.runtime.state.StateWriter;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.LegacyStateReader;
import dev.tickflow.strategy.indicator.IndicatorDecimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A long-only virtual position and its entry price. The entry price is the average price of the BUY fills that
 * arrived since the entry signal, {@code filledNotional / filledQuantity}; until the first of them, the close of the
 * entry signal. Fills while flat, and SELL fills, do not change it (they close a position, or are late).
 *
 * @param open            long (true) or flat
 * @param signalPrice     the close of the entry signal; null when flat
 * @param filledQuantity  sum of BUY fill quantities since the entry signal
 * @param filledNotional  sum of price x quantity of those fills, exact
 */
public record LongPosition(boolean open, BigDecimal signalPrice, BigDecimal filledQuantity, BigDecimal filledNotional) {

    public static final LongPosition FLAT = new LongPosition(false, null, BigDecimal.ZERO, BigDecimal.ZERO);

    public LongPosition {
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(filledNotional, "filledNotional");
        if (open != (signalPrice != null)) {
            throw new IllegalArgumentException("A long position has a signal price and a flat one has none");
        }
    }

    public static LongPosition enteredAt(BigDecimal close) {
        return new LongPosition(true, close, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public LongPosition onFill(Execution execution) {
        if (!open || execution.side() != Execution.Side.BUY || execution.quantity().signum() <= 0) {
            return this;
        }
        return new LongPosition(true, signalPrice, filledQuantity.add(execution.quantity()),
                filledNotional.add(execution.price().multiply(execution.quantity())));
    }

    public boolean hasFills() {
        return filledQuantity.signum() > 0;
    }

    /** The entry price, rounded by {@link IndicatorDecimals}; null when flat. */
    public BigDecimal entryPrice() {
        if (!open) {
            return null;
        }
        return hasFills() ? IndicatorDecimals.divide(filledNotional, filledQuantity) : signalPrice;
    }

    /** {@code price <= entry x factor}, decided exactly (the average entry price is never rounded for it). */
    boolean isAtOrBelow(BigDecimal price, BigDecimal factor) {
        if (hasFills()) {
            return price.multiply(filledQuantity).compareTo(filledNotional.multiply(factor)) <= 0;
        }
        return price.compareTo(signalPrice.multiply(factor)) <= 0;
    }

    /** {@code entry x factor} rounded by {@link IndicatorDecimals}. */
    BigDecimal times(BigDecimal factor) {
        return hasFills() ? IndicatorDecimals.divide(filledNotional.multiply(factor), filledQuantity) : IndicatorDecimals.round(signalPrice.multiply(factor));
    }

    void writeTo(StateWriter out) {
        out.writeBoolean(open).writeDecimal(signalPrice).writeDecimal(filledQuantity).writeDecimal(filledNotional);
    }

    static LongPosition readFrom(StateReader in) {
        return new LongPosition(in.readBoolean(), in.readDecimal(), in.readDecimal(), in.readDecimal());
    }

    /** The position in a state stored before the state-codec convention. */
    static LongPosition readFrom(LegacyStateReader in) {
        return new LongPosition(in.readBoolean(), in.readDecimal(), in.readDecimal(), in.readDecimal());
    }
}
