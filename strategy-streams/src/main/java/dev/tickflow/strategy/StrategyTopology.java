package dev.tickflow.strategy;

import dev.tickflow.runtime.RegistryAwareDeserializationHandler;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.Signal;
import dev.tickflow.serde.AvroSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the strategy topology: md.candles.&lt;interval&gt; + oms.fills → strategy.indicators + strategy.signals.
 *
 * <p>Candles and fills are both keyed by symbol and co-partitioned, so one sub-topology reads both and its two
 * processors share one persistent key-value store ({@value #STATE_STORE}, with a changelog) holding the state of each
 * (instance, symbol). With exactly_once_v2, a state update and the records it produced commit together, so a
 * restart or rebalance continues without a repeated or a missing signal.
 *
 * <p>Operator commands (control.operator, one partition, not co-partitioned with the candles) feed a global store
 * ({@value #PARAMETERS_STORE}) that every task reads: SET_PARAMETERS changes an instance's settings from the next candle
 * each task processes, without a restart ({@link OperatorCommandProcessor}). The task of candle partition 0 reports each
 * decision to ops.events once ({@link StrategyCandleProcessor}).
 */
public final class StrategyTopology {

    public static final String STATE_STORE = "strategy-state";
    public static final String PARAMETERS_STORE = "strategy-operator-parameters";
    static final String CANDLES_SOURCE = "candles";
    static final String OPERATOR_SOURCE = "operator-commands";
    static final String OPERATOR_PROCESSOR = "strategy-operator-commands";
    static final String OPS_EVENTS_SINK = "ops-events";
    static final String FILLS_SOURCE = "fills";
    static final String CANDLE_PROCESSOR = "strategy-candles";
    static final String FILL_PROCESSOR = "strategy-fills";
    static final String SIGNALS_SINK = "signals";
    static final String INDICATORS_SINK = "indicators";

    private StrategyTopology() {
    }

    /** A pure function of its settings: tests, the service and the backtest all run this topology. */
    public static Topology build(StrategySettings settings) {
        Map<String, Object> serdeConfig = settings.serdeConfig();
        AvroSerde<Candle> candles = AvroSerde.forClass(Candle.class, serdeConfig, false);
        AvroSerde<Fill> fills = AvroSerde.forClass(Fill.class, serdeConfig, false);
        AvroSerde<Signal> signals = AvroSerde.forClass(Signal.class, serdeConfig, false);
        AvroSerde<IndicatorSnapshot> indicators = AvroSerde.forClass(IndicatorSnapshot.class, serdeConfig, false);
        AvroSerde<OperatorCommand> commands = AvroSerde.forClass(OperatorCommand.class, serdeConfig, false);
        AvroSerde<OperationalEvent> events = AvroSerde.forClass(OperationalEvent.class, serdeConfig, false);

        Topology topology = new Topology();
        topology.addSource(CANDLES_SOURCE, Serdes.String().deserializer(), candles.deserializer(),
                settings.topics().candles(settings.interval()).name());
        topology.addSource(FILLS_SOURCE, Serdes.String().deserializer(), fills.deserializer(), settings.topics().fills().name());
        topology.addProcessor(CANDLE_PROCESSOR, () -> new StrategyCandleProcessor(settings.instances()), CANDLES_SOURCE);
        topology.addProcessor(FILL_PROCESSOR, () -> new StrategyFillProcessor(settings.instances()), FILLS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled(), CANDLE_PROCESSOR, FILL_PROCESSOR);
        topology.addSink(SIGNALS_SINK, settings.topics().signals().name(), Serdes.String().serializer(), signals.serializer(), CANDLE_PROCESSOR);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARAMETERS_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), OPERATOR_SOURCE, Serdes.String().deserializer(), commands.deserializer(),
                settings.topics().operatorCommands().name(), OPERATOR_PROCESSOR, () -> new OperatorCommandProcessor(settings.instances()));
        topology.addSink(OPS_EVENTS_SINK, settings.topics().operationalEvents().name(), Serdes.String().serializer(), events.serializer(),
                CANDLE_PROCESSOR);
        topology.addSink(INDICATORS_SINK, settings.topics().indicators().name(), Serdes.String().serializer(), indicators.serializer(),
                CANDLE_PROCESSOR);
        return topology;
    }

    /**
     * Streams settings this topology needs on top of the common ones: an undeserializable candle or fill is logged
     * and skipped rather than stopping the service.
     */
    public static Map<String, Object> streamsOverrides(StrategySettings settings) {
        return Map.of(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class.getName());
    }
}
