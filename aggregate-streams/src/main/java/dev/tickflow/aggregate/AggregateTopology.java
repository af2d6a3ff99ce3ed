package dev.tickflow.aggregate;

import dev.tickflow.runtime.RegistryAwareDeserializationHandler;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds the aggregation topology: md.trades → md.candles.&lt;interval&gt; (+ md.trades.late).
 *
 * <pre>
 * md.trades ─▶ candles (one state per symbol, in memory, encoded to the store and its changelog once per commit;
 *                 │     windows close by trade times and the sources' watermarks, see Watermarks)
 *                 ├─▶ md.candles.1m, md.candles.5m, ... (final candles; longer ones rolled up from the 1m ones)
 *                 └─▶ md.trades.late
 * </pre>
 */
public final class AggregateTopology {
    public static final String SOURCE = "trades";
    public static final String PROCESSOR = "candles";
    public static final String LATE_SINK = "late-trades";
    /** The state store; its changelog topic is {@code <application.id>-candle-state-changelog}. */
    public static final String STORE = CandleAggregatorProcessor.STORE;
    /**
     * A record cache ({@code statestore.cache.max.bytes}) for comparisons with stores that use Streams' record cache
     * (the bench's DSL candles). This topology's store is not one: {@link SymbolStateStore} keeps the states as
     * objects and writes each changed one once per commit.
     */
    public static final long STATE_CACHE_MAX_BYTES = 16L * 1024 * 1024;

    private AggregateTopology() {
    }

    /** A pure function of its settings: tests, the service and the backtest all run this topology. */
    public static Topology build(AggregateSettings settings) {
        TopicCatalog topics = settings.topics();
        Map<String, Object> serdeConfig = settings.serdeConfig();
        AvroSerde<Trade> tradeSerde = AvroSerde.forClass(Trade.class, serdeConfig, false);
        AvroSerde<Candle> candleSerde = AvroSerde.forClass(Candle.class, serdeConfig, false);

        Map<String, String> sinkByInterval = new LinkedHashMap<>();
        for (CandleInterval interval : topics.candleIntervals()) {
            sinkByInterval.put(interval.name(), sinkName(interval));
        }
        List<CandleInterval> rolled = CandleAggregator.rolledUp(topics.candleIntervals());
        long graceMs = settings.grace().toMillis();

        Topology topology = new Topology();
        topology.addSource(AutoOffsetReset.earliest(), SOURCE, new TradeTimestampExtractor(), Serdes.String().deserializer(), tradeSerde.deserializer(),
                topics.trades().name());
        topology.addProcessor(PROCESSOR,
                () -> new CandleAggregatorProcessor(graceMs, rolled, sinkByInterval, LATE_SINK), SOURCE);
        topology.addStateStore(stateStore(), PROCESSOR);
        for (CandleInterval interval : topics.candleIntervals()) {
            topology.addSink(sinkName(interval), topics.candles(interval).name(), Serdes.String().serializer(),
                    candleSerde.serializer(), PROCESSOR);
        }
        topology.addSink(LATE_SINK, topics.tradesLate().name(), Serdes.String().serializer(), tradeSerde.serializer(), PROCESSOR);
        return topology;
    }

    /**
     * The Streams configs this topology relies on; the service merges them into its Streams properties.
     * Undeserializable trades go, with their original bytes and error headers, to the dead-letter topic.
     */
    public static Map<String, Object> streamsOverrides(AggregateSettings settings) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.topics().tradesDlq().name());
        overrides.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class.getName());
        overrides.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, TradeTimestampExtractor.class.getName());
        return overrides;
    }

    static StoreBuilder<SymbolStateStore> stateStore() {
        return SymbolStateStore.builder(STORE);
    }

    static String sinkName(CandleInterval interval) {
        return "candles-" + interval.name();
    }
}
