package dev.tickflow.aggregate;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.Watermarks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The aggregation topology in a TopologyTestDriver with the real Avro serde on a mock:// registry of its own. */
final class AggregateFixture implements AutoCloseable {
    final String scope;
    private final Path stateDir;
    final AggregateSettings settings;
    final TopologyTestDriver driver;
    final TestInputTopic<String, Trade> trades;
    final TestInputTopic<byte[], byte[]> rawTrades;
    final TestOutputTopic<String, Trade> late;
    final TestOutputTopic<byte[], byte[]> dlq;
    private final AvroSerde<Candle> candleSerde;

    AggregateFixture(String scope, String intervals, Duration grace) {
        this(scope, intervals, grace, StreamsConfig.EXACTLY_ONCE_V2);
    }

    AggregateFixture(String scope, String intervals, Duration grace, String processingGuarantee) {
        this.scope = scope + "-" + System.nanoTime();
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of(
                "TICKFLOW_SCHEMA_REGISTRY_URL", "mock://" + this.scope,
                "TICKFLOW_CANDLES_INTERVALS", intervals), AggregateSettings.definition());
        this.settings = new AggregateSettings(TopicCatalog.from(config), grace, config.serdeProperties());
        Properties properties = properties(settings, processingGuarantee);
        this.stateDir = Path.of(properties.getProperty(StreamsConfig.STATE_DIR_CONFIG));
        this.driver = new TopologyTestDriver(AggregateTopology.build(settings), properties, Instant.EPOCH);
        AvroSerde<Trade> tradeSerde = AvroSerde.forClass(Trade.class, settings.serdeConfig(), false);
        this.candleSerde = AvroSerde.forClass(Candle.class, settings.serdeConfig(), false);
        TopicCatalog topics = settings.topics();
        this.trades = driver.createInputTopic(topics.trades().name(), new StringSerializer(), tradeSerde.serializer());
        this.rawTrades = driver.createInputTopic(topics.trades().name(), new ByteArraySerializer(), new ByteArraySerializer());
        this.late = driver.createOutputTopic(topics.tradesLate().name(), new StringDeserializer(), tradeSerde.deserializer());
        this.dlq = driver.createOutputTopic(topics.tradesDlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static Properties properties(AggregateSettings settings, String processingGuarantee) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, AggregateSettings.APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        try {
            properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(Path.of("target"), "state").toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(AggregateTopology.streamsOverrides(settings));
        return properties;
    }

    TestOutputTopic<String, Candle> candles(String interval) {
        return driver.createOutputTopic(settings.topics().candles(CandleInterval.parse(interval)).name(),
                new StringDeserializer(), candleSerde.deserializer());
    }

    void send(Trade trade) {
        trades.pipeInput(trade.getSymbol(), trade, trade.getTradeTime());
    }

    void send(List<Trade> list) {
        list.forEach(this::send);
    }

    /** A source watermark, as ingest sends to every partition of md.trades. */
    void sendWatermark(Instant at) {
        ProducerRecord<byte[], byte[]> watermark = Watermarks.record(settings.topics().trades().name(), 0, at.toEpochMilli());
        rawTrades.pipeInput(new TestRecord<>(null, null, watermark.headers(), at));
    }

    /** The total of one of the processor's counters (late-trades, duplicate-trades, invalid-trades). */
    double total(String operation) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : driver.metrics().entrySet()) {
            if (entry.getKey().name().equals(operation + "-total")) {
                sum += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        driver.close();
        MockSchemaRegistry.dropScope(scope);
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
