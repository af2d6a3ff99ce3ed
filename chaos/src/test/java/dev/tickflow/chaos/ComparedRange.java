package dev.tickflow.chaos;

import dev.tickflow.schema.Trade;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The windows compared between a disturbed run and the undisturbed one: every window (of every interval) that ends at
 * or before {@link #end()}. The end is the last minute boundary that both runs have certainly closed on the trades
 * read back: at most the stream time of the slowest partition minus the grace (the live aggregation closes a minute
 * when a trade or watermark of its partition passes its end plus the grace), and at most the minute of the quietest
 * symbol's last trade (the undisturbed strategies see each symbol's candles up to there). The feed keeps running past
 * the end, so the minutes after it are still open or unread: they are left out on both sides.
 */
record ComparedRange(long end) {
    private static final long MINUTE = 60_000;

    static ComparedRange of(Map<Integer, List<Trade>> tradesByPartition, Duration grace) {
        long slowestPartition = tradesByPartition.values().stream()
                .mapToLong(trades -> trades.stream().mapToLong(trade -> trade.getTradeTime().toEpochMilli()).max().orElseThrow())
                .min().orElseThrow(() -> new AssertionError("no trade reached md.trades"));
        long quietestSymbol = tradesByPartition.values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.groupingBy(Trade::getSymbol,
                        java.util.stream.Collectors.summarizingLong(trade -> trade.getTradeTime().toEpochMilli())))
                .values().stream().mapToLong(java.util.LongSummaryStatistics::getMax).min().orElseThrow();
        long end = Math.min(Math.floorDiv(slowestPartition - grace.toMillis(), MINUTE), Math.floorDiv(quietestSymbol, MINUTE)) * MINUTE;
        return new ComparedRange(end);
    }

    /** Whether a window closing at {@code closeTime} (its last millisecond) is compared. */
    boolean containsWindowClosingAt(long closeTime) {
        return closeTime < end;
    }

    /** The open time of the last compared minute: signals carry their candle's open time. */
    long lastMinuteOpen() {
        return end - MINUTE;
    }

    /** The last compared millisecond: orders and fills carry their signal's time, the close of its candle. */
    long lastMillisecond() {
        return end - 1;
    }
}
