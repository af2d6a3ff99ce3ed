package dev.tickflow.executor;

import dev.tickflow.executor.engine.ExecutionVenue;
import dev.tickflow.runtime.RegistryAwareDeserializationHandler;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the executor topology: strategy.signals + md.trades → oms.orders + oms.fills + oms.positions.
 *
 * <p>Signals and trades are both keyed by symbol and co-partitioned, so one sub-topology reads both, and one processor
 * per task owns four persistent stores with changelogs: positions, open orders, risk state and the last trade price.
 * With exactly_once_v2 the consumed offsets, the store updates (changelog records) and the produced order events,
 * fills and positions commit in one Kafka transaction: after a crash they are all there or none is, and the input is
 * processed again. The only effect outside Kafka is the order at the venue; its client order id derives from the
 * signal id, and an exchange is asked for it before placing, so reprocessing never places it twice.
 */
public final class ExecutorTopology {

    public static final String POSITIONS_STORE = "executor-positions";
    public static final String OPEN_ORDERS_STORE = "executor-open-orders";
    public static final String RISK_STORE = "executor-risk";
    public static final String LAST_TRADES_STORE = "executor-last-trades";
    static final String SIGNALS_SOURCE = "signals";
    static final String TRADES_SOURCE = "trades";
    static final String PROCESSOR = "executor";
    static final String ORDERS_SINK = "orders";
    static final String FILLS_SINK = "fills";
    static final String POSITIONS_SINK = "positions";

    private ExecutorTopology() {
    }

    /** A pure function of its settings and the venue each task gets ({@link Venues}): the service, its tests and the backtest run it. */
    public static Topology build(ExecutorSettings settings, Supplier<ExecutionVenue> venues) {
        Map<String, Object> serdeConfig = settings.serdeConfig();
        Deserializer<Signal> signals = AvroSerde.forClass(Signal.class, serdeConfig, false).deserializer();
        Deserializer<Trade> trades = AvroSerde.forClass(Trade.class, serdeConfig, false).deserializer();
        Topology topology = new Topology();
        topology.addSource(SIGNALS_SOURCE, Serdes.String().deserializer(), signals, settings.topics().signals().name());
        topology.addSource(TRADES_SOURCE, Serdes.String().deserializer(), trades, settings.topics().trades().name());
        topology.addProcessor(PROCESSOR, () -> new ExecutorProcessor(settings, venues), SIGNALS_SOURCE, TRADES_SOURCE);
        for (String store : new String[] {POSITIONS_STORE, OPEN_ORDERS_STORE, RISK_STORE, LAST_TRADES_STORE}) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                    .withCachingEnabled(), PROCESSOR);
        }
        topology.addSink(ORDERS_SINK, settings.topics().orders().name(), Serdes.String().serializer(),
                AvroSerde.forClass(OrderEvent.class, serdeConfig, false).serializer(), PROCESSOR);
        topology.addSink(FILLS_SINK, settings.topics().fills().name(), Serdes.String().serializer(),
                AvroSerde.forClass(Fill.class, serdeConfig, false).serializer(), PROCESSOR);
        topology.addSink(POSITIONS_SINK, settings.topics().positions().name(), Serdes.String().serializer(),
                AvroSerde.forClass(Position.class, serdeConfig, false).serializer(), PROCESSOR);
        return topology;
    }

    /** An undeserializable signal or trade is logged and skipped rather than stopping the service. */
    public static Map<String, Object> streamsOverrides(ExecutorSettings settings) {
        return Map.of(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class.getName());
    }
}
