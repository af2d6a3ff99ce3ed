package dev.tickflow.aggregate;

import dev.tickflow.schema.Candle;
import java.math.BigDecimal;
import java.time.Instant;

/** The prices and sums a window in progress keeps, whatever its length, and the final candle they make. */
abstract class WindowCandle {
    BigDecimal open;
    BigDecimal high;
    BigDecimal low;
    BigDecimal close;
    BigDecimal volume;
    BigDecimal quoteVolume;
    BigDecimal takerBuyVolume;
    BigDecimal takerBuyQuoteVolume;
    long tradeCount;

    boolean isEmpty() {
        return open == null;
    }

    /** The candle of the window [openTime, openTime + lengthMs), at the schema's scales. */
    final Candle toCandle(String exchange, String symbol, String interval, long openTime, long lengthMs,
                          long firstTradeId, long lastTradeId, boolean filled) {
        return Candle.newBuilder()
                .setExchange(exchange)
                .setSymbol(symbol)
                .setInterval(interval)
                .setOpenTime(Instant.ofEpochMilli(openTime))
                .setCloseTime(Instant.ofEpochMilli(openTime + lengthMs - 1))
                .setOpen(Decimals.price(open))
                .setHigh(Decimals.price(high))
                .setLow(Decimals.price(low))
                .setClose(Decimals.price(close))
                .setVolume(Decimals.price(volume))
                .setQuoteVolume(Decimals.quote(quoteVolume))
                .setTradeCount(tradeCount)
                .setTakerBuyVolume(Decimals.price(takerBuyVolume))
                .setTakerBuyQuoteVolume(Decimals.quote(takerBuyQuoteVolume))
                .setFirstTradeId(firstTradeId)
                .setLastTradeId(lastTradeId)
                .setFilled(filled)
                .build();
    }
}
