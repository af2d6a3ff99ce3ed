package dev.tickflow.backtest;

import dev.tickflow.aggregate.CandleAggregator;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate service's {@link CandleAggregator} on the trades as they come, on stream time (the latest trade time),
 * as the service closes windows. After the last trade the time jumps to the end of that trade's minute plus the
 * grace, as ingest's final watermark at the end of a replay does: that minute closes too.
 */
final class TradeAggregation implements BacktestEngine.Candles {
    private final List<CandleInterval> intervals;
    private final Duration grace;

    TradeAggregation(List<CandleInterval> intervals, Duration grace) {
        this.intervals = List.copyOf(intervals);
        this.grace = grace;
    }

    @Override
    public ReplayResult run(Iterator<Trade> trades, CandleSink sink) throws IOException {
        Map<String, CandleInterval> byName = new HashMap<>();
        Map<CandleInterval, Long> counts = new LinkedHashMap<>();
        for (CandleInterval interval : intervals) {
            byName.put(interval.name(), interval);
            counts.put(interval, 0L);
        }
        CandleAggregator aggregator = new CandleAggregator(grace, intervals, candle -> {
            CandleInterval interval = byName.get(candle.getInterval());
            counts.merge(interval, 1L, Long::sum);
            deliver(sink, interval, candle);
        });
        long taken = 0;
        long lateTrades = 0;
        long streamTime = Long.MIN_VALUE;
        try {
            while (trades.hasNext()) {
                Trade trade = trades.next();
                streamTime = Math.max(streamTime, trade.getTradeTime().toEpochMilli());
                if (aggregator.accept(trade, streamTime) == CandleAggregator.Outcome.LATE) {
                    lateTrades++;
                }
                taken++;
            }
            if (taken > 0) {
                aggregator.closeUpTo(endOfData(streamTime, grace));
            }
        } catch (SinkFailure e) {
            throw e.getCause();
        }
        return new ReplayResult(taken, counts, lateTrades);
    }

    /** The time that closes the minute of the last trade: the end of that minute plus the grace. */
    static long endOfData(long lastTradeTime, Duration grace) {
        long minute = CandleInterval.ONE_MINUTE.length().toMillis();
        return Math.floorDiv(lastTradeTime, minute) * minute + minute + grace.toMillis();
    }

    private static void deliver(CandleSink sink, CandleInterval interval, Candle candle) {
        try {
            sink.accept(interval, candle);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
    }

    /** The sink's IOException through the aggregator's callback, unwrapped by {@link #run} (the input's own stay unchecked). */
    private static final class SinkFailure extends UncheckedIOException {
        SinkFailure(IOException cause) {
            super(cause);
        }
    }
}
