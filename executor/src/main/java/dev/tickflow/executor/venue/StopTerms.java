package dev.tickflow.executor.venue;

import dev.tickflow.executor.model.Protection;
import java.math.BigDecimal;

/**
 * What a conditional or protective order adds to a plain one.
 *
 * @param stopPrice             trigger price; null for a trailing stop that starts tracking at once
 * @param trailingDelta         basis points the market must move back from its best price since placement; null for a fixed stop
 * @param takeProfitPrice       for an OCO pair: the price of its LIMIT_MAKER leg above the market (the order itself is the
 *                              stop leg); null for a single order
 * @param orderListId           for an OCO pair: the pair's client id; null otherwise
 * @param protection            what the order protects a position with; null for an order of a signal
 * @param protectsClientOrderId the entry whose fill the protective order protects; null otherwise
 * @param stopLossFraction      for an entry: how far below its fill price the strategy put its stop loss (its signal's),
 *                              which the protective stop keeps; null to use the configured distance
 */
public record StopTerms(BigDecimal stopPrice, Integer trailingDelta, BigDecimal takeProfitPrice, String orderListId, Protection protection,
                        String protectsClientOrderId, BigDecimal stopLossFraction) {

    public static final StopTerms NONE = new StopTerms(null, null, null, null, null, null, null);

    public StopTerms(BigDecimal stopPrice, Integer trailingDelta, BigDecimal takeProfitPrice, String orderListId, Protection protection,
                     String protectsClientOrderId) {
        this(stopPrice, trailingDelta, takeProfitPrice, orderListId, protection, protectsClientOrderId, null);
    }

    /** The terms of an entry whose strategy set its stop loss {@code fraction} below the price. */
    public static StopTerms entryWithStopLoss(BigDecimal fraction) {
        return new StopTerms(null, null, null, null, null, null, fraction);
    }

    public StopTerms {
        if (trailingDelta != null && trailingDelta <= 0) {
            throw new IllegalArgumentException("A trailing delta must be positive basis points: " + trailingDelta);
        }
        if (takeProfitPrice != null && orderListId == null) {
            throw new IllegalArgumentException("An OCO pair needs a list id");
        }
    }

    /** Whether the order is an OCO pair (this stop leg and a LIMIT_MAKER leg at {@link #takeProfitPrice}). */
    public boolean isOco() {
        return takeProfitPrice != null;
    }

    /** The client order id of an OCO pair's LIMIT_MAKER leg, from the stop leg's. */
    public static String takeProfitLegId(String stopLegClientOrderId) {
        return stopLegClientOrderId + "-tp";
    }
}
