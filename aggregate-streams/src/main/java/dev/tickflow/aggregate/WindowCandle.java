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
                .setOpen(CandleDecimals.price(open))
                .setHigh(CandleDecimals.price(high))
                .setLow(CandleDecimals.price(low))
                .setClose(CandleDecimals.price(close))
                .setVolume(CandleDecimals.price(volume))
                .setQuoteVolume(CandleDecimals.quote(quoteVolume))
                .setTradeCount(tradeCount)
                .setTakerBuyVolume(CandleDecimals.price(takerBuyVolume))
                .setTakerBuyQuoteVolume(CandleDecimals.quote(takerBuyQuoteVolume))
                .setFirstTradeId(firstTradeId)
                .setLastTradeId(lastTradeId)
                .setFilled(filled)
                .build();
    }
}
