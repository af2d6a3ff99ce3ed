package dev.tickflow.strategy;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Signal;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.CandleInterval;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** The strategy topology in a TopologyTestDriver, with the real Avro serde on its own mock:// registry scope. */
final class StrategyDriver implements AutoCloseable {

    private final String scope = "strategy-" + UUID.randomUUID();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Candle> candles;
    private final TestInputTopic<String, Fill> fills;
    private final TestInputTopic<String, byte[]> rawCandles;
    private final TestOutputTopic<String, Signal> signals;
    private final TestOutputTopic<String, IndicatorSnapshot> indicators;
    private final TestInputTopic<String, OperatorCommand> operatorCommands;
    private final TestOutputTopic<String, OperationalEvent> operationalEvents;

    StrategyDriver(List<StrategyInstance> instances, Path stateDir) {
        Map<String, Object> serdeConfig = Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, "mock://" + scope);
        StrategySettings settings = StrategySettings.of(instances, serdeConfig);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, StrategySettings.APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(scope).toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.putAll(StrategyTopology.streamsOverrides(settings));
        driver = new TopologyTestDriver(StrategyTopology.build(settings), properties);
        candles = driver.createInputTopic(settings.topics().candles(CandleInterval.ONE_MINUTE).name(), Serdes.String().serializer(),
                AvroSerde.forClass(Candle.class, serdeConfig, false).serializer());
        rawCandles = driver.createInputTopic(settings.topics().candles(CandleInterval.ONE_MINUTE).name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        fills = driver.createInputTopic(settings.topics().fills().name(), Serdes.String().serializer(),
                AvroSerde.forClass(Fill.class, serdeConfig, false).serializer());
        signals = driver.createOutputTopic(settings.topics().signals().name(), Serdes.String().deserializer(),
                AvroSerde.forClass(Signal.class, serdeConfig, false).deserializer());
        indicators = driver.createOutputTopic(settings.topics().indicators().name(), Serdes.String().deserializer(),
                AvroSerde.forClass(IndicatorSnapshot.class, serdeConfig, false).deserializer());
        operatorCommands = driver.createInputTopic(settings.topics().operatorCommands().name(), Serdes.String().serializer(),
                AvroSerde.forClass(OperatorCommand.class, serdeConfig, false).serializer());
        operationalEvents = driver.createOutputTopic(settings.topics().operationalEvents().name(), Serdes.String().deserializer(),
                AvroSerde.forClass(OperationalEvent.class, serdeConfig, false).deserializer());
    }

    /** An operator command on control.operator, keyed by its instance. */
    StrategyDriver command(OperatorCommand command) {
        operatorCommands.pipeInput(command.getStrategyInstance(), command, command.getRequestedAt());
        return this;
    }

    /** Lets a second of wall-clock time pass: the decisions on operator commands are reported. */
    StrategyDriver reportOutcomes() {
        driver.advanceWallClockTime(StrategyCandleProcessor.REPORT_INTERVAL);
        return this;
    }

    List<OperationalEvent> operationalEvents() {
        return operationalEvents.readValuesToList();
    }

    static Candle candle(String symbol, int index, String close, boolean filled) {
        Instant openTime = Instant.ofEpochMilli(Bars.openTime(index));
        return Candle.newBuilder(filled ? SampleRecords.candleGapFilled() : SampleRecords.candle())
                .setSymbol(symbol)
                .setOpenTime(openTime)
                .setCloseTime(openTime.plusMillis(Bars.MINUTE - 1))
                .setOpen(Bars.price(close))
                .setHigh(Bars.price(close))
                .setLow(Bars.price(close))
                .setClose(Bars.price(close))
                .setFilled(filled)
                .build();
    }

    StrategyDriver candle(int index, String close) {
        return candle(candle(Bars.SYMBOL, index, close, false));
    }

    StrategyDriver candle(Candle candle) {
        candles.pipeInput(candle.getSymbol(), candle, candle.getCloseTime());
        return this;
    }

    /** A candle with these record headers (hop stamps, as the aggregation writes them). */
    StrategyDriver candle(Candle candle, Headers headers) {
        candles.pipeInput(new TestRecord<>(candle.getSymbol(), candle, headers, candle.getCloseTime()));
        return this;
    }

    /** Candles with these closes from index {@code from} on. */
    StrategyDriver closes(int from, String... closes) {
        for (int i = 0; i < closes.length; i++) {
            candle(from + i, closes[i]);
        }
        return this;
    }

    /** A fill of an instance's order in BTCUSDT, one second after the close of candle {@code afterCandle}. */
    StrategyDriver fill(String instance, String symbol, OrderSide side, String price, String quantity, int afterCandle) {
        Instant tradeTime = Instant.ofEpochMilli(Bars.openTime(afterCandle + 1) + 1_000);
        Fill fill = Fill.newBuilder(SampleRecords.fill())
                .setStrategyInstance(instance)
                .setSymbol(symbol)
                .setSide(side)
                .setPrice(Bars.price(price))
                .setQuantity(Bars.price(quantity))
                .setTradeTime(tradeTime)
                .build();
        fills.pipeInput(symbol, fill, tradeTime);
        return this;
    }

    /** Raw bytes on the candle topic, as a broken producer might write them. */
    StrategyDriver rawCandle(String symbol, byte[] value) {
        rawCandles.pipeInput(symbol, value, Bars.START);
        return this;
    }

    List<Signal> signals() {
        return signals.readValuesToList();
    }

    List<TestRecord<String, Signal>> signalRecords() {
        return signals.readRecordsToList();
    }

    List<IndicatorSnapshot> snapshots() {
        return indicators.readValuesToList();
    }

    List<TestRecord<String, IndicatorSnapshot>> snapshotRecords() {
        return indicators.readRecordsToList();
    }

    KeyValueStore<String, byte[]> store() {
        return driver.getKeyValueStore(StrategyTopology.STATE_STORE);
    }

    List<KeyValue<String, byte[]>> storeContents() {
        List<KeyValue<String, byte[]>> contents = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store().all()) {
            all.forEachRemaining(contents::add);
        }
        return contents;
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(scope);
    }
}
