package dev.tickflow.aggregate;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The aggregation without Kafka: trades in (in any order within the grace), final candles out: one per minute of
 * every symbol that has traded (flat ones for minutes without trades) and the longer intervals rolled up from them.
 * A minute closes when the time given passes its end plus the grace; then the due minutes of every symbol close
 * together, symbols in the order of their keys. A trade seen before is a duplicate; one of a closed minute is late.
 * The {@link CandleAggregatorProcessor} runs it on the states of its store, the backtest on states in memory. Not thread-safe.
 */
public final class CandleAggregator {

    /** What became of a trade. */
    public enum Outcome {
        /** In the candle of its minute. */
        ADDED,
        /** Its trade id was seen before for its symbol: ignored. */
        DUPLICATE,
        /** Its minute had already closed: in no candle. */
        LATE
    }

    private final long graceMs;
    private final List<CandleInterval> rolledIntervals;
    private final SymbolStates states;
    private final Consumer<Candle> candles;
    private long lastSweptOpen = Long.MIN_VALUE;

    /**
     * With the states in memory.
     *
     * @param intervals the candle intervals; they must include 1m, every other one is rolled up from it
     * @param candles   gets every final candle as it closes: per symbol in time order, each minute before the roll-ups it completes
     */
    public CandleAggregator(Duration grace, List<CandleInterval> intervals, Consumer<Candle> candles) {
        this(grace.toMillis(), rolledUp(intervals), new InMemorySymbolStates(), candles);
    }

    /**
     * With every changed state encoded at once, as the service's processor did before its store encoded the changed
     * states once per commit ({@link SymbolStateStore}); neither store nor changelog: the aggregation's cost per trade
     * with the most encoding, for the micro-benchmarks in {@code bench}.
     */
    public static CandleAggregator encodingEveryChange(Duration grace, List<CandleInterval> intervals, Consumer<Candle> candles) {
        return new CandleAggregator(grace.toMillis(), rolledUp(intervals), new EncodedSymbolStates(), candles);
    }

    CandleAggregator(long graceMs, List<CandleInterval> rolledIntervals, SymbolStates states, Consumer<Candle> candles) {
        this.graceMs = graceMs;
        this.rolledIntervals = rolledIntervals;
        this.states = states;
        this.candles = candles;
    }

    /** The intervals rolled up from the 1m candles: all but 1m, which must be among them. */
    static List<CandleInterval> rolledUp(List<CandleInterval> intervals) {
        String minute = CandleInterval.ONE_MINUTE.name();
        if (intervals.stream().noneMatch(interval -> interval.name().equals(minute))) {
            throw new IllegalArgumentException("The candle intervals must include 1m: every other one is rolled up from it; got " + intervals);
        }
        return intervals.stream().filter(interval -> !interval.name().equals(minute)).toList();
    }

    /**
     * Closes what is due at {@code now}, then takes the trade.
     *
     * @param now stream time: the latest trade time or source watermark seen, this trade's included
     */
    public Outcome accept(Trade trade, long now) {
        long lastClosableOpen = lastClosableOpen(now);
        sweepUpTo(lastClosableOpen);
        String symbol = trade.getSymbol();
        SymbolState state = states.get(symbol);
        long tradeId = trade.getTradeId();
        if (state != null && state.hasSeen(tradeId)) {
            return Outcome.DUPLICATE;
        }
        long minuteOpen = MinuteCandle.openTimeOf(trade.getTradeTime().toEpochMilli());
        if (minuteOpen <= lastClosableOpen || (state != null && state.hasEmitted(minuteOpen))) {
            if (state != null) {
                state.markSeen(tradeId);
                states.changed(state);
            }
            return Outcome.LATE;
        }
        if (state == null) {
            state = new SymbolState(symbol, trade.getExchange());
            state.add(trade);
            states.added(state);
        } else {
            state.add(trade);
            states.changed(state);
        }
        return Outcome.ADDED;
    }

    /** Closes the minutes of every symbol whose end plus the grace is at or before {@code now}. */
    public void closeUpTo(long now) {
        sweepUpTo(lastClosableOpen(now));
    }

    /** Open time of the newest minute whose end + grace is at or before {@code now}. */
    private long lastClosableOpen(long now) {
        return MinuteCandle.openTimeOf(now - graceMs - MinuteCandle.LENGTH_MS);
    }

    /** Closes the due minutes of every symbol; runs once per minute of time. */
    private void sweepUpTo(long lastClosableOpen) {
        if (lastClosableOpen <= lastSweptOpen) {
            return;
        }
        lastSweptOpen = lastClosableOpen;
        List<SymbolState> changed = new ArrayList<>();
        states.forEach(state -> {
            if (state.closeUpTo(lastClosableOpen, rolledIntervals, candles)) {
                changed.add(state);
            }
        });
        for (SymbolState state : changed) {
            states.changed(state);
        }
    }
}
