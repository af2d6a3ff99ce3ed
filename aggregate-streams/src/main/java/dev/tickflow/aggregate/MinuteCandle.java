package dev.tickflow.aggregate;

import dev.tickflow.schema.Candle;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The open one-minute window of one symbol, fed trade by trade in any order: open and close follow the
 * (trade time, trade id) order, not the arrival order.
 */
final class MinuteCandle extends WindowCandle {
    static final long LENGTH_MS = 60_000;
    static final String INTERVAL = "1m";

    final long openTime;
    long firstTime;
    long firstId;
    long lastTime;
    long lastId;
    long minTradeId = Long.MAX_VALUE;
    long maxTradeId = Long.MIN_VALUE;

    MinuteCandle(long openTime) {
        this.openTime = openTime;
        volume = takerBuyVolume = CandleDecimals.ZERO_QUANTITY;
        quoteVolume = takerBuyQuoteVolume = CandleDecimals.ZERO_QUOTE;
    }

    static long openTimeOf(long tradeTime) {
        return Math.floorDiv(tradeTime, LENGTH_MS) * LENGTH_MS;
    }

    /**
     * Adds one aggregate trade.
     *
     * @param rawTrades lastTradeId - firstTradeId + 1 of the aggregate trade
     */
    void add(long tradeTime, long tradeId, BigDecimal price, BigDecimal quantity, long rawTrades, boolean buyerIsMaker) {
        if (open == null) {
            firstTime = lastTime = tradeTime;
            firstId = lastId = tradeId;
            open = close = high = low = price;
        } else {
            if (tradeTime < firstTime || (tradeTime == firstTime && tradeId < firstId)) {
                firstTime = tradeTime;
                firstId = tradeId;
                open = price;
            }
            if (tradeTime > lastTime || (tradeTime == lastTime && tradeId > lastId)) {
                lastTime = tradeTime;
                lastId = tradeId;
                close = price;
            }
            high = CandleDecimals.max(high, price);
            low = CandleDecimals.min(low, price);
        }
        BigDecimal quote = price.multiply(quantity);
        volume = volume.add(quantity);
        quoteVolume = quoteVolume.add(quote);
        if (!buyerIsMaker) {
            takerBuyVolume = takerBuyVolume.add(quantity);
            takerBuyQuoteVolume = takerBuyQuoteVolume.add(quote);
        }
        tradeCount += rawTrades;
        minTradeId = Math.min(minTradeId, tradeId);
        maxTradeId = Math.max(maxTradeId, tradeId);
    }

    Candle toCandle(String exchange, String symbol) {
        return toCandle(exchange, symbol, INTERVAL, openTime, LENGTH_MS, minTradeId, maxTradeId, false);
    }

    /** The candle of a minute without trades: flat at the previous close, zero volumes, no trade ids. */
    static Candle flat(String exchange, String symbol, long openTime, BigDecimal previousClose) {
        BigDecimal price = CandleDecimals.price(previousClose);
        return Candle.newBuilder()
                .setExchange(exchange)
                .setSymbol(symbol)
                .setInterval(INTERVAL)
                .setOpenTime(Instant.ofEpochMilli(openTime))
                .setCloseTime(Instant.ofEpochMilli(openTime + LENGTH_MS - 1))
                .setOpen(price)
                .setHigh(price)
                .setLow(price)
                .setClose(price)
                .setVolume(CandleDecimals.ZERO_QUANTITY)
                .setQuoteVolume(CandleDecimals.ZERO_QUOTE)
                .setTradeCount(0)
                .setTakerBuyVolume(CandleDecimals.ZERO_QUANTITY)
                .setTakerBuyQuoteVolume(CandleDecimals.ZERO_QUOTE)
                .setFirstTradeId(-1)
                .setLastTradeId(-1)
                .setFilled(true)
                .build();
    }
}
