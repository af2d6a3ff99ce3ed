package dev.tickflow.aggregate;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the aggregation keeps about one symbol: its open one-minute windows (usually one or two), the last
 * minute it emitted and that minute's close, the trade ids seen recently, and the rolled-up candles in progress.
 */
final class SymbolState {
    static final long NONE = Long.MIN_VALUE;
    /**
     * Duplicates are recognised among the trades of every open window and among the newest this-many aggregate
     * trade ids of the symbol; an older duplicate belongs to a closed window and goes to the late topic.
     */
    static final long SEEN_ID_HORIZON = 100_000;

    final String symbol;
    final String exchange;
    long lastEmittedOpen = NONE;
    BigDecimal lastClose;
    final List<MinuteCandle> openMinutes;
    final TradeIdRanges seenIds;
    final List<RollupCandle> rollups;
    /** The codec's encoding of the fields that change only when minutes close; null once they changed. */
    byte[] encodedPrefix;
    /** Changed since its store last encoded it ({@link SymbolStateStore}). */
    boolean dirty;

    SymbolState(String symbol, String exchange) {
        this(symbol, exchange, new ArrayList<>(2), new TradeIdRanges(), new ArrayList<>(3));
    }

    SymbolState(String symbol, String exchange, List<MinuteCandle> openMinutes, TradeIdRanges seenIds, List<RollupCandle> rollups) {
        this.symbol = symbol;
        this.exchange = exchange;
        this.openMinutes = openMinutes;
        this.seenIds = seenIds;
        this.rollups = rollups;
    }

    boolean hasSeen(long tradeId) {
        return seenIds.contains(tradeId);
    }

    /** Whether the candle of the minute starting at {@code minuteOpen} was already emitted. */
    boolean hasEmitted(long minuteOpen) {
        return lastEmittedOpen != NONE && minuteOpen <= lastEmittedOpen;
    }

    /** Adds a trade of a minute not yet emitted; the caller has checked it is neither late nor a duplicate. */
    void add(Trade trade) {
        long tradeTime = trade.getTradeTime().toEpochMilli();
        minute(MinuteCandle.openTimeOf(tradeTime)).add(tradeTime, trade.getTradeId(), trade.getPrice(), trade.getQuantity(),
                trade.getLastTradeId() - trade.getFirstTradeId() + 1, trade.getBuyerIsMaker());
        markSeen(trade.getTradeId());
    }

    void markSeen(long tradeId) {
        seenIds.add(tradeId);
        long floor = seenIds.max() - SEEN_ID_HORIZON;
        if (seenIds.lo(0) < floor) {
            for (MinuteCandle minute : openMinutes) {
                floor = Math.min(floor, minute.minTradeId);
            }
            seenIds.forgetBelow(floor);
        }
    }

    /**
     * Emits, in time order, the one-minute candles of every minute up to and including the one opening at
     * {@code lastClosableOpen} (flat ones for minutes without trades once the symbol has traded), and the
     * rolled-up candles those minutes complete. Returns whether anything was emitted.
     */
    boolean closeUpTo(long lastClosableOpen, List<CandleInterval> rolledIntervals, Consumer<Candle> out) {
        long next;
        if (lastEmittedOpen != NONE) {
            next = lastEmittedOpen + MinuteCandle.LENGTH_MS;
        } else if (!openMinutes.isEmpty()) {
            next = openMinutes.get(0).openTime;
        } else {
            return false;
        }
        boolean emitted = false;
        if (next <= lastClosableOpen && rollups.size() > rolledIntervals.size()) {
            rollups.removeIf(rollup -> rolledIntervals.stream().noneMatch(interval -> interval.name().equals(rollup.interval)));
            encodedPrefix = null;
        }
        while (next <= lastClosableOpen) {
            Candle candle;
            if (!openMinutes.isEmpty() && openMinutes.get(0).openTime == next) {
                candle = openMinutes.remove(0).toCandle(exchange, symbol);
                lastClose = candle.getClose();
            } else {
                candle = MinuteCandle.flat(exchange, symbol, next, lastClose);
            }
            out.accept(candle);
            for (CandleInterval interval : rolledIntervals) {
                rollup(interval).add(candle, out);
            }
            lastEmittedOpen = next;
            next += MinuteCandle.LENGTH_MS;
            emitted = true;
            encodedPrefix = null;
        }
        return emitted;
    }

    private MinuteCandle minute(long openTime) {
        int index = openMinutes.size();
        while (index > 0 && openMinutes.get(index - 1).openTime > openTime) {
            index--;
        }
        if (index > 0 && openMinutes.get(index - 1).openTime == openTime) {
            return openMinutes.get(index - 1);
        }
        MinuteCandle created = new MinuteCandle(openTime);
        openMinutes.add(index, created);
        return created;
    }

    private RollupCandle rollup(CandleInterval interval) {
        for (RollupCandle rollup : rollups) {
            if (rollup.interval.equals(interval.name())) {
                return rollup;
            }
        }
        RollupCandle created = new RollupCandle(interval.name(), interval.length().toMillis());
        rollups.add(created);
        return created;
    }
}
