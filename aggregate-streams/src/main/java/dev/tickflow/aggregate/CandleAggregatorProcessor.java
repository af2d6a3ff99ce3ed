package dev.tickflow.aggregate;

import dev.tickflow.runtime.HopLatency;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.HopStamps;
import dev.tickflow.topics.Watermarks;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka glue around {@link CandleAggregator}: one state per symbol in {@link #STORE} ({@link SymbolStateStore}); final candles go to the
 * sink of their interval, late trades to the late sink. Windows close when stream time passes their end plus the
 * grace period: the task's highest trade time or source watermark ({@link Watermarks}) read so far, never the wall
 * clock, so no window closes while older records of its partition are still unread.
 */
final class CandleAggregatorProcessor implements Processor<String, Trade, String, SpecificRecord> {
    static final String STORE = "candle-state";
    static final String METRICS_SCOPE = "tickflow-aggregate";
    private static final Logger LOG = LoggerFactory.getLogger(CandleAggregatorProcessor.class);

    private final long graceMs;
    private final List<CandleInterval> rolledIntervals;
    private final Map<String, String> sinkByInterval;
    private final String lateSink;
    private final HopLatency hops = new HopLatency(HopStamps.Hop.CLOSE_TO_CANDLE);
    private final RateLimitedLog warnings = new RateLimitedLog(LOG, 10_000, System::currentTimeMillis);

    private ProcessorContext<String, SpecificRecord> context;
    private CandleAggregator aggregator;
    private Sensor lateTrades;
    private Sensor duplicateTrades;
    private Sensor invalidTrades;

    CandleAggregatorProcessor(long graceMs, List<CandleInterval> rolledIntervals, Map<String, String> sinkByInterval, String lateSink) {
        this.graceMs = graceMs;
        this.rolledIntervals = rolledIntervals;
        this.sinkByInterval = sinkByInterval;
        this.lateSink = lateSink;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        SymbolStateStore states = context.getStateStore(STORE);
        states.reload();
        aggregator = new CandleAggregator(graceMs, rolledIntervals, states, this::emit);
        String task = context.taskId().toString();
        lateTrades = context.metrics().addRateTotalSensor(METRICS_SCOPE, task, "late-trades", Sensor.RecordingLevel.INFO);
        duplicateTrades = context.metrics().addRateTotalSensor(METRICS_SCOPE, task, "duplicate-trades", Sensor.RecordingLevel.INFO);
        invalidTrades = context.metrics().addRateTotalSensor(METRICS_SCOPE, task, "invalid-trades", Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, Trade> record) {
        Trade trade = record.value();
        if (trade == null) {
            if (Watermarks.of(record.headers()).isPresent()) {
                aggregator.closeUpTo(context.currentStreamTimeMs());
                return;
            }
            invalidTrades.record();
            warnings.warn("Ignored a record without a trade (null value) with key {}", record.key());
            return;
        }
        switch (aggregator.accept(trade, context.currentStreamTimeMs())) {
            case DUPLICATE -> duplicateTrades.record();
            case LATE -> {
                lateTrades.record();
                warnings.warn("Late trade {} {} at {}: its minute closed (grace {} ms); sent to the late topic",
                        trade.getSymbol(), trade.getTradeId(), trade.getTradeTime(), graceMs);
                context.forward(record.withKey(trade.getSymbol()), lateSink);
            }
            case ADDED -> {
            }
        }
    }

    /**
     * Forwards the candle with its hop stamps; a candle closed while the task is caught up (its window closable less than
     * {@link AggregateSettings#EARLY_COMMIT_WITHIN_MS} ago) also asks for a commit, so read_committed consumers see it
     * without waiting for the commit interval. A backlog's candles do not: they commit at the interval, in bulk.
     */
    private void emit(Candle candle) {
        String sink = sinkByInterval.get(candle.getInterval());
        long windowEnd = candle.getCloseTime().toEpochMilli() + 1;
        long closable = windowEnd + graceMs;
        long now = System.currentTimeMillis();
        Headers headers = new RecordHeaders();
        HopStamps.stamp(headers, HopStamps.WINDOW_END, windowEnd);
        HopStamps.stamp(headers, HopStamps.WINDOW_CLOSABLE, closable);
        HopStamps.stamp(headers, HopStamps.CANDLE_PRODUCED, now);
        hops.record(headers);
        context.forward(new Record<>(candle.getSymbol(), candle, candle.getCloseTime().toEpochMilli(), headers), sink);
        if (now - closable < AggregateSettings.EARLY_COMMIT_WITHIN_MS) {
            context.commit();
        }
    }

    @Override
    public void close() {
        context.metrics().removeSensor(lateTrades);
        context.metrics().removeSensor(duplicateTrades);
        context.metrics().removeSensor(invalidTrades);
    }
}
