package dev.tickflow.executor;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.serde.MockSchemaRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The executor topology with the paper venue in a TopologyTestDriver, with the real Avro serde on its own mock:// registry scope. */
final class ExecutorDriver implements AutoCloseable {
    static final String SYMBOL = "BTCUSDT";
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final String scope = "executor-" + UUID.randomUUID();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Signal> signals;
    private final TestInputTopic<String, byte[]> rawSignals;
    private final TestInputTopic<String, Trade> trades;
    private final TestOutputTopic<String, OrderEvent> orders;
    private final TestOutputTopic<String, Fill> fills;
    private final TestOutputTopic<String, Position> positions;
    private final TestInputTopic<String, OperatorCommand> commands;
    private final TestOutputTopic<String, OperationalEvent> operational;
    private long tradeId;

    ExecutorDriver(Path stateDir, UnaryOperator<ExecutorSettings> customize) {
        Map<String, Object> serdeConfig = Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, "mock://" + scope);
        ExecutorSettings settings = customize.apply(ExecutorSettings.paperDefaults(serdeConfig));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, ExecutorSettings.APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(scope).toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.putAll(ExecutorTopology.streamsOverrides(settings));
        driver = new TopologyTestDriver(ExecutorTopology.build(settings, Venues.simulated(settings)), properties);
        signals = driver.createInputTopic(settings.topics().signals().name(), Serdes.String().serializer(),
                AvroSerde.forClass(Signal.class, serdeConfig, false).serializer());
        rawSignals = driver.createInputTopic(settings.topics().signals().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        trades = driver.createInputTopic(settings.topics().trades().name(), Serdes.String().serializer(),
                AvroSerde.forClass(Trade.class, serdeConfig, false).serializer());
        orders = driver.createOutputTopic(settings.topics().orders().name(), Serdes.String().deserializer(),
                AvroSerde.forClass(OrderEvent.class, serdeConfig, false).deserializer());
        fills = driver.createOutputTopic(settings.topics().fills().name(), Serdes.String().deserializer(),
                AvroSerde.forClass(Fill.class, serdeConfig, false).deserializer());
        positions = driver.createOutputTopic(settings.topics().positions().name(), Serdes.String().deserializer(),
                AvroSerde.forClass(Position.class, serdeConfig, false).deserializer());
        commands = driver.createInputTopic(settings.topics().operatorCommands().name(), Serdes.String().serializer(),
                AvroSerde.forClass(OperatorCommand.class, serdeConfig, false).serializer());
        operational = driver.createOutputTopic(settings.topics().operationalEvents().name(), Serdes.String().deserializer(),
                AvroSerde.forClass(OperationalEvent.class, serdeConfig, false).deserializer());
    }

    static BigDecimal price(String value) {
        return new BigDecimal(value).setScale(8, RoundingMode.UNNECESSARY);
    }

    static Signal signalRecord(String instance, int minute, TargetPosition target, String price) {
        return signalRecord(instance, SYMBOL, minute, target, price);
    }

    static Signal signalRecord(String instance, String symbol, int minute, TargetPosition target, String price) {
        Instant openTime = START.plusSeconds(60L * minute);
        return Signal.newBuilder()
                .setSignalId(instance + ":" + symbol + ":" + openTime.toEpochMilli())
                .setStrategyInstance(instance)
                .setSymbol(symbol)
                .setCandleOpenTime(openTime)
                .setTarget(target)
                .setReason(target == TargetPosition.LONG ? SignalReason.CROSS_UP : SignalReason.CROSS_DOWN)
                .setPrice(price(price))
                .setCreatedAt(openTime.plusMillis(59_999))
                .build();
    }

    ExecutorDriver signal(Signal signal) {
        signals.pipeInput(signal.getSymbol(), signal, signal.getCreatedAt());
        return this;
    }

    /** A signal with these record headers (hop stamps, as the strategy writes them). */
    ExecutorDriver signal(Signal signal, Headers headers) {
        signals.pipeInput(new TestRecord<>(signal.getSymbol(), signal, headers, signal.getCreatedAt()));
        return this;
    }

    ExecutorDriver signal(String instance, int minute, TargetPosition target, String price) {
        return signal(signalRecord(instance, minute, target, price));
    }

    ExecutorDriver trade(String price, Instant time) {
        return trade(SYMBOL, price, time);
    }

    ExecutorDriver trade(String symbol, String price, Instant time) {
        tradeId++;
        Trade trade = Trade.newBuilder()
                .setExchange("binance").setSymbol(symbol).setTradeId(tradeId).setFirstTradeId(tradeId).setLastTradeId(tradeId)
                .setPrice(price(price)).setQuantity(price("0.5")).setTradeTime(time).setBuyerIsMaker(false).setEventTime(time)
                .setIngestTime(time).build();
        trades.pipeInput(symbol, trade, time);
        return this;
    }

    ExecutorDriver command(String commandId, OperatorAction action, String instance, String symbol, Instant time) {
        OperatorCommand command = OperatorCommand.newBuilder().setCommandId(commandId).setAction(action).setStrategyInstance(instance)
                .setSymbol(symbol).setIssuedBy("cli").setRequestedAt(time).build();
        commands.pipeInput(instance, command, time);
        return this;
    }

    List<TestRecord<String, OperationalEvent>> operationalEvents() {
        return operational.readRecordsToList();
    }

    ExecutorDriver rawSignal(byte[] value) {
        rawSignals.pipeInput(SYMBOL, value, START);
        return this;
    }

    List<OrderEvent> orders() {
        return orders.readValuesToList();
    }

    List<TestRecord<String, OrderEvent>> orderRecords() {
        return orders.readRecordsToList();
    }

    List<Fill> fills() {
        return fills.readValuesToList();
    }

    List<TestRecord<String, Position>> positionRecords() {
        return positions.readRecordsToList();
    }

    List<Position> positions() {
        return positions.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
