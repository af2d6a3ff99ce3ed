package dev.tickflow.executor;

import dev.tickflow.executor.engine.ExecutionVenue;
import dev.tickflow.runtime.RegistryAwareDeserializationHandler;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the executor topology: strategy.signals + md.trades + control.operator → oms.orders + oms.fills +
 * oms.positions + ops.events.
 *
 * <p>One risk decision point for the whole account: each input is repartitioned (Streams-managed repartition topics,
 * record timestamps kept) onto ONE partition, so a single task, and one processor, sees every signal, trade and
 * operator command and owns all positions, open orders and risk state in six persistent stores with changelogs:
 * positions, open orders, risk state, the last trade price, the operator commands handled and the account's holdings
 * that are not the executor's (reconciliation). With exactly_once_v2 the
 * consumed offsets, the store updates (changelog records) and the produced records commit in one Kafka transaction:
 * after a crash they are all there or none is, and the input is processed again. The only effect outside Kafka is the
 * order at the venue; its client order id derives from the signal (or command) id, and an exchange is asked for it
 * before placing, so reprocessing never places it twice.
 */
public final class ExecutorTopology {

    public static final String POSITIONS_STORE = "executor-positions";
    public static final String OPEN_ORDERS_STORE = "executor-open-orders";
    public static final String RISK_STORE = "executor-risk";
    public static final String LAST_TRADES_STORE = "executor-last-trades";
    public static final String COMMANDS_STORE = "executor-commands";
    /** Per asset, the account's holding that is not the executor's (reconciliation with an exchange account). */
    public static final String RECONCILE_STORE = "executor-reconcile";
    /** The repartition topics are {@code <application id>-<name>-repartition}, one partition each. */
    static final String SIGNALS_REPARTITION = "executor-signals";
    static final String TRADES_REPARTITION = "executor-trades";
    static final String COMMANDS_REPARTITION = "executor-commands";
    static final String PROCESSOR = "executor";
    static final String ORDERS_SINK = "orders";
    static final String FILLS_SINK = "fills";
    static final String POSITIONS_SINK = "positions";
    static final String OPS_SINK = "ops-events";
    /** The key of an ops.events record that concerns no one instance. */
    static final String SERVICE_KEY = "executor";

    private ExecutorTopology() {
    }

    /** A pure function of its settings and the venue each task gets ({@link Venues}): the service, its tests and the backtest run it. */
    public static Topology build(ExecutorSettings settings, Supplier<ExecutionVenue> venues) {
        Map<String, Object> serdeConfig = settings.serdeConfig();
        StreamsBuilder builder = new StreamsBuilder();
        for (String store : new String[] {POSITIONS_STORE, OPEN_ORDERS_STORE, RISK_STORE, LAST_TRADES_STORE, COMMANDS_STORE,
                RECONCILE_STORE}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                    .withCachingEnabled());
        }
        KStream<String, SpecificRecord> inputs = onePartition(builder, settings.topics().signals().name(), SIGNALS_REPARTITION,
                AvroSerde.forClass(Signal.class, serdeConfig, false))
                .merge(onePartition(builder, settings.topics().trades().name(), TRADES_REPARTITION, AvroSerde.forClass(Trade.class, serdeConfig, false)),
                        Named.as("signals-and-trades"))
                .merge(onePartition(builder, settings.topics().operatorCommands().name(), COMMANDS_REPARTITION,
                        AvroSerde.forClass(OperatorCommand.class, serdeConfig, false)), Named.as("inputs"));
        KStream<String, SpecificRecord> outputs = inputs.process(() -> new ExecutorProcessor(settings, venues), Named.as(PROCESSOR),
                POSITIONS_STORE, OPEN_ORDERS_STORE, RISK_STORE, LAST_TRADES_STORE, COMMANDS_STORE, RECONCILE_STORE);
        // the processor forwards each record to the sink of its kind by name
        outputs.to(settings.topics().orders().name(), produced(ORDERS_SINK, AvroSerde.forClass(OrderEvent.class, serdeConfig, false)));
        outputs.to(settings.topics().fills().name(), produced(FILLS_SINK, AvroSerde.forClass(Fill.class, serdeConfig, false)));
        outputs.to(settings.topics().positions().name(), produced(POSITIONS_SINK, AvroSerde.forClass(Position.class, serdeConfig, false)));
        outputs.to(settings.topics().operationalEvents().name(), produced(OPS_SINK,
                AvroSerde.forClass(OperationalEvent.class, serdeConfig, false)));
        return builder.build();
    }

    /** The topic's records on a single-partition repartition topic, their timestamps kept. */
    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> KStream<String, SpecificRecord> onePartition(StreamsBuilder builder, String topic, String name,
                                                                                          Serde<V> values) {
        KStream<String, V> stream = builder.stream(topic, Consumed.with(Serdes.String(), values).withName(name + "-source"))
                .repartition(Repartitioned.<String, V>as(name).withKeySerde(Serdes.String()).withValueSerde(values).withNumberOfPartitions(1));
        return (KStream<String, SpecificRecord>) (KStream<String, ?>) stream;
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> Produced<String, SpecificRecord> produced(String name, Serde<V> values) {
        return Produced.with(Serdes.String(), (Serde<SpecificRecord>) (Serde<?>) values).withName(name);
    }

    /** An undeserializable signal, trade or command is logged and skipped rather than stopping the service. */
    public static Map<String, Object> streamsOverrides(ExecutorSettings settings) {
        return Map.of(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class.getName());
    }
}
