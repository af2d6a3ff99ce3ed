package dev.tickflow.aggregate;

import dev.tickflow.schema.Candle;
import java.util.function.Consumer;

/** A longer candle (5m, 1h, ...) built from the final one-minute candles of its minutes, which arrive in time order. */
final class RollupCandle extends WindowCandle {
    final String interval;
    final long lengthMs;
    long openTime;
    long firstTradeId = -1;
    long lastTradeId = -1;
    boolean filled;

    RollupCandle(String interval, long lengthMs) {
        this.interval = interval;
        this.lengthMs = lengthMs;
    }

    long openTimeOf(long time) {
        return Math.floorDiv(time, lengthMs) * lengthMs;
    }

    /**
     * Adds the next one-minute candle and hands on the rolled-up candle once this minute completes it. Should a
     * minute ever be missing (intervals reconfigured, say), the window it no longer belongs to is handed on first.
     */
    void add(Candle minute, Consumer<Candle> out) {
        long minuteOpen = minute.getOpenTime().toEpochMilli();
        long windowOpen = openTimeOf(minuteOpen);
        if (!isEmpty() && openTime != windowOpen) {
            out.accept(finish(minute.getExchange(), minute.getSymbol()));
        }
        merge(windowOpen, minute);
        if (minuteOpen + MinuteCandle.LENGTH_MS == windowOpen + lengthMs) {
            out.accept(finish(minute.getExchange(), minute.getSymbol()));
        }
    }

    /**
     * Binance builds every interval from the trades themselves, so a flat (gap-filled) minute only counts while
     * the window has no traded minute: open, high and low come from the traded minutes alone.
     */
    private void merge(long windowOpen, Candle minute) {
        boolean traded = !minute.getFilled();
        if (isEmpty() || (traded && filled)) {
            openTime = windowOpen;
            open = minute.getOpen();
            high = minute.getHigh();
            low = minute.getLow();
            close = minute.getClose();
            if (isEmptyOfSums()) {
                volume = minute.getVolume();
                quoteVolume = minute.getQuoteVolume();
                takerBuyVolume = minute.getTakerBuyVolume();
                takerBuyQuoteVolume = minute.getTakerBuyQuoteVolume();
                tradeCount = minute.getTradeCount();
            } else {
                addSums(minute);
            }
            filled = minute.getFilled();
        } else {
            if (traded) {
                high = CandleDecimals.max(high, minute.getHigh());
                low = CandleDecimals.min(low, minute.getLow());
                close = minute.getClose();
            }
            addSums(minute);
        }
        if (minute.getFirstTradeId() >= 0 && (firstTradeId < 0 || minute.getFirstTradeId() < firstTradeId)) {
            firstTradeId = minute.getFirstTradeId();
        }
        if (minute.getLastTradeId() > lastTradeId) {
            lastTradeId = minute.getLastTradeId();
        }
    }

    private boolean isEmptyOfSums() {
        return volume == null;
    }

    private void addSums(Candle minute) {
        volume = volume.add(minute.getVolume());
        quoteVolume = quoteVolume.add(minute.getQuoteVolume());
        takerBuyVolume = takerBuyVolume.add(minute.getTakerBuyVolume());
        takerBuyQuoteVolume = takerBuyQuoteVolume.add(minute.getTakerBuyQuoteVolume());
        tradeCount += minute.getTradeCount();
    }

    private Candle finish(String exchange, String symbol) {
        Candle candle = toCandle(exchange, symbol, interval, openTime, lengthMs, firstTradeId, lastTradeId, filled);
        clear();
        return candle;
    }

    private void clear() {
        open = high = low = close = volume = quoteVolume = takerBuyVolume = takerBuyQuoteVolume = null;
        tradeCount = 0;
        firstTradeId = lastTradeId = -1;
        filled = false;
    }
}
