package dev.tickflow.aggregate;

import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.time.Instant;

/** Trades for tests. */
final class Trades {
    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private Trades() {
    }

    /** A trade of one raw trade at {@code T0 + millis}. */
    static Trade trade(String symbol, long id, long millis, String price, String quantity) {
        return trade(symbol, id, T0.plusMillis(millis), price, quantity, true);
    }

    static Trade trade(String symbol, long id, Instant time, String price, String quantity, boolean buyerIsMaker) {
        return trade(symbol, id, id, id, time, new BigDecimal(price).setScale(8), new BigDecimal(quantity).setScale(8), buyerIsMaker);
    }

    static Trade trade(String symbol, long id, long firstRawId, long lastRawId, Instant time, BigDecimal price, BigDecimal quantity,
                       boolean buyerIsMaker) {
        return Trade.newBuilder()
                .setExchange("binance")
                .setSymbol(symbol)
                .setTradeId(id)
                .setFirstTradeId(firstRawId)
                .setLastTradeId(lastRawId)
                .setPrice(price)
                .setQuantity(quantity)
                .setTradeTime(time)
                .setBuyerIsMaker(buyerIsMaker)
                .setEventTime(time)
                .setIngestTime(time)
                .build();
    }
}
