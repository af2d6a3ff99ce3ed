package dev.tickflow.executor.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the executor knows of a symbol's market when it calls the venue.
 *
 * @param lastTradePrice price of the latest trade seen on md.trades; null when none was seen yet
 * @param signalPrice    the price the signal was computed on (the candle close): the fallback when no trade was seen
 * @param time           event time: the latest trade's time, or the signal's
 */
public record MarketSnapshot(BigDecimal lastTradePrice, BigDecimal signalPrice, Instant time) {

    public MarketSnapshot {
        Objects.requireNonNull(time, "time");
    }

    /** The price a market order fills at on paper: the latest trade, or the signal's price. */
    public BigDecimal referencePrice() {
        return lastTradePrice != null ? lastTradePrice : signalPrice;
    }
}
