package dev.tickflow.aggregate;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.runtime.fixtures.ServiceFixtures;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One aggregate service under test: its topics (unique names), its configuration file, a trade producer and a candle reader. */
final class AggregateServiceFixture {
    static final int PARTITIONS = 3;

    final String trades;
    final String candles;
    final String dlq;
    final Path configFile;
    private final KafkaBroker broker;
    private final ApicurioRegistry registry;

    AggregateServiceFixture(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics, Path dir) {
        this.broker = broker;
        this.registry = registry;
        this.trades = topics.create("md.trades", PARTITIONS);
        this.candles = topics.create("md.candles.1m", PARTITIONS);
        String late = topics.create("md.trades.late", PARTITIONS);
        this.dlq = topics.create("md.trades.dlq", PARTITIONS);
        Map<String, String> settings = ServiceFixtures.baseSettings(broker, registry, topics.name("aggregate"), dir);
        settings.put("candles.intervals", "1m");
        settings.put("topic.md.trades.name", trades);
        settings.put("topic.md.trades.late.name", late);
        settings.put("topic.md.trades.dlq.name", dlq);
        settings.put("topic.md.candles.1m.name", candles);
        this.configFile = ServiceFixtures.writeProperties(settings, dir.resolve("aggregate.properties"), "aggregate service under test");
    }

    TickflowConfig config() {
        return TickflowConfig.load(Optional.of(configFile), Map.of(), AggregateSettings.definition());
    }

    void produce(List<Trade> records) {
        ServiceFixtures.produce(broker, registry, records.stream()
                .map(t -> new ProducerRecord<>(trades, null, t.getTradeTime().toEpochMilli(), t.getSymbol(), t)).toList());
    }

    /** Writes bytes that are not a Trade in Confluent's wire format, as a broken producer would. */
    void produceRaw(String key, byte[] value) {
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(trades, key.getBytes(StandardCharsets.UTF_8), value));
            producer.flush();
        }
    }

    /** The dead-letter topic's records (read_committed), waiting up to {@code timeout} for {@code count} of them. */
    List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int count, Duration timeout) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(dlq, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /**
     * Reads md.candles.1m from the beginning with read_committed until {@code done} holds for what was read (then for
     * {@code settle} more, to catch duplicates) or {@code timeout} passes.
     */
    List<Candle> readCandles(Predicate<List<Candle>> done, Duration timeout, Duration settle) {
        return CommittedReader.read(broker.bootstrapServers(), registry.confluentApiUrl(), candles, PARTITIONS, Candle.class, done, timeout, settle);
    }
}
