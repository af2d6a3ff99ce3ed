package dev.tickflow.aggregate;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka glue around {@link SymbolState}: one state record per symbol in {@link #STORE}; final candles go to the
 * sink of their interval, late trades to the late sink. Windows close when stream time (or, in wall-clock mode,
 * the wall clock) passes their end plus the grace period.
 */
final class CandleProcessor implements Processor<String, Trade, String, SpecificRecord> {
    static final String STORE = "candle-state";
    static final String METRICS_SCOPE = "tickflow-aggregate";
    private static final Logger LOG = LoggerFactory.getLogger(CandleProcessor.class);

    private final long graceMs;
    private final boolean closeByWallClock;
    private final List<CandleInterval> rolledIntervals;
    private final Map<String, String> sinkByInterval;
    private final String lateSink;
    private final SymbolStateCodec codec = new SymbolStateCodec();
    /**
     * Decoded states, so a trade costs one encode (for the store and its changelog) but no decode. The store stays
     * the source of truth: this is emptied on every init, which Streams calls again after restoring the store.
     */
    private final Map<String, SymbolState> decoded = new HashMap<>();
    private final RateLimitedLog warnings = new RateLimitedLog(LOG, 10_000, System::currentTimeMillis);

    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> store;
    private Sensor lateTrades;
    private Sensor duplicateTrades;
    private Sensor invalidTrades;
    private long wallClock = -1;
    private long lastSweptOpen = Long.MIN_VALUE;

    CandleProcessor(long graceMs, boolean closeByWallClock, List<CandleInterval> rolledIntervals,
                    Map<String, String> sinkByInterval, String lateSink) {
        this.graceMs = graceMs;
        this.closeByWallClock = closeByWallClock;
        this.rolledIntervals = rolledIntervals;
        this.sinkByInterval = sinkByInterval;
        this.lateSink = lateSink;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        decoded.clear();
        wallClock = -1;
        lastSweptOpen = Long.MIN_VALUE;
        String task = context.taskId().toString();
        lateTrades = context.metrics().addRateTotalSensor(METRICS_SCOPE, task, "late-trades", Sensor.RecordingLevel.INFO);
        duplicateTrades = context.metrics().addRateTotalSensor(METRICS_SCOPE, task, "duplicate-trades", Sensor.RecordingLevel.INFO);
        invalidTrades = context.metrics().addRateTotalSensor(METRICS_SCOPE, task, "invalid-trades", Sensor.RecordingLevel.INFO);
        if (closeByWallClock) {
            context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
        }
    }

    @Override
    public void process(Record<String, Trade> record) {
        Trade trade = record.value();
        if (trade == null) {
            invalidTrades.record();
            warnings.warn("Ignored a record without a trade (null value) with key {}", record.key());
            return;
        }
        long lastClosableOpen = lastClosableOpen();
        sweepUpTo(lastClosableOpen);
        String symbol = trade.getSymbol();
        SymbolState state = stateOf(symbol);
        long tradeId = trade.getTradeId();
        if (state != null && state.hasSeen(tradeId)) {
            duplicateTrades.record();
            return;
        }
        long minuteOpen = MinuteCandle.openTimeOf(trade.getTradeTime().toEpochMilli());
        if (minuteOpen <= lastClosableOpen || (state != null && state.hasEmitted(minuteOpen))) {
            lateTrades.record();
            warnings.warn("Late trade {} {} at {}: its minute closed (grace {} ms); sent to the late topic",
                    symbol, tradeId, trade.getTradeTime(), graceMs);
            context.forward(record.withKey(symbol), lateSink);
            if (state != null) {
                state.markSeen(tradeId);
                store.put(symbol, codec.encode(state));
            }
            return;
        }
        if (state == null) {
            state = new SymbolState(symbol, trade.getExchange());
            decoded.put(symbol, state);
        }
        state.add(trade);
        store.put(symbol, codec.encode(state));
    }

    private void onWallClock(long now) {
        wallClock = Math.max(wallClock, now);
        sweepUpTo(lastClosableOpen());
    }

    /** Open time of the newest minute whose end + grace is at or before stream time (or the wall clock). */
    private long lastClosableOpen() {
        long now = Math.max(context.currentStreamTimeMs(), wallClock);
        return MinuteCandle.openTimeOf(now - graceMs - MinuteCandle.LENGTH_MS);
    }

    /** Closes the due minutes of every symbol; runs once per minute of stream (or wall-clock) time. */
    private void sweepUpTo(long lastClosableOpen) {
        if (lastClosableOpen <= lastSweptOpen) {
            return;
        }
        lastSweptOpen = lastClosableOpen;
        List<KeyValue<String, byte[]>> changed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                SymbolState state = decoded.computeIfAbsent(entry.key, symbol -> codec.decode(entry.value));
                if (state.closeUpTo(lastClosableOpen, rolledIntervals, this::emit)) {
                    changed.add(KeyValue.pair(entry.key, codec.encode(state)));
                }
            }
        }
        for (KeyValue<String, byte[]> entry : changed) {
            store.put(entry.key, entry.value);
        }
    }

    private SymbolState stateOf(String symbol) {
        SymbolState state = decoded.get(symbol);
        if (state == null) {
            byte[] stored = store.get(symbol);
            if (stored != null) {
                state = codec.decode(stored);
                decoded.put(symbol, state);
            }
        }
        return state;
    }

    private void emit(Candle candle) {
        String sink = sinkByInterval.get(candle.getInterval());
        context.forward(new Record<>(candle.getSymbol(), candle, candle.getCloseTime().toEpochMilli()), sink);
    }

    @Override
    public void close() {
        context.metrics().removeSensor(lateTrades);
        context.metrics().removeSensor(duplicateTrades);
        context.metrics().removeSensor(invalidTrades);
    }
}
