package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.topics.Watermarks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Settings, readers and writers for the ingest tests. */
public final class IngestTestSupport {

    private IngestTestSupport() {
    }

    /** A mock:// registry URL unique to the caller, shared by the ingest and the test's readers in this JVM. */
    public static String mockRegistry() {
        return "mock://ingest-" + UUID.randomUUID();
    }

    /** Settings from keys, as the environment would give them. */
    public static IngestSettings settings(Map<String, String> keys) {
        Map<String, String> environment = new HashMap<>();
        keys.forEach((key, value) -> environment.put(ConfigKeys.ENV_PREFIX + key.replace("_", "__").replace('.', '_').toUpperCase(), value));
        return IngestSettings.from(TickflowConfig.load(Optional.empty(), environment, IngestSettings.definition()));
    }

    /** Reads the topic from the beginning until {@code done} holds for what was read, or the timeout passes. */
    public static List<Trade> readTrades(String bootstrap, String topic, String registryUrl, Duration timeout, Predicate<List<Trade>> done) {
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, registryUrl), false);
        List<Trade> trades = new ArrayList<>();
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(trades) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Trade> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) { // null: a watermark
                        trades.add(record.value());
                    }
                }
            }
        }
        return trades;
    }

    /** Reads every trade the topic holds now (up to its end offsets). */
    public static List<Trade> readAll(String bootstrap, String topic, String registryUrl) {
        return readRecords(bootstrap, topic, registryUrl).stream().map(StoredRecord::trade).filter(java.util.Objects::nonNull).toList();
    }

    /** One record of md.trades as stored: a trade, or a watermark (null trade). */
    public record StoredRecord(int partition, long offset, Trade trade, OptionalLong watermark) {
    }

    /** Every record the topic holds now (up to its end offsets), trades and watermarks, per partition in offset order. */
    public static List<StoredRecord> readRecords(String bootstrap, String topic, String registryUrl) {
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, registryUrl), false);
        List<StoredRecord> records = new ArrayList<>();
        readToEnd(bootstrap, topic, deserializer, record -> records.add(new StoredRecord(record.partition(), record.offset(),
                record.value(), Watermarks.of(record.headers()))));
        records.sort(java.util.Comparator.comparingInt(StoredRecord::partition).thenComparingLong(StoredRecord::offset));
        return records;
    }

    /** Hands every record the topic holds now (up to its end offsets, at most 60 s of reading) to {@code action}. */
    private static <V> void readToEnd(String bootstrap, String topic, org.apache.kafka.common.serialization.Deserializer<V> values,
                                      java.util.function.Consumer<ConsumerRecord<byte[], V>> action) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", false);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                        action.accept(record);
                    }
                }
            }
        }
    }

    /** Trade ids per symbol, in the order read. */
    public static Map<String, List<Long>> idsBySymbol(List<Trade> trades) {
        Map<String, List<Long>> ids = new java.util.TreeMap<>();
        trades.forEach(t -> ids.computeIfAbsent(t.getSymbol(), s -> new ArrayList<>()).add(t.getTradeId()));
        return ids;
    }

    /** Writes a control.symbols command (null {@code enabled}: a tombstone). */
    public static void sendCommand(String bootstrap, String topic, String registryUrl, String symbol, Boolean enabled) {
        AvroSerializer<SymbolCommand> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, registryUrl), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap), new StringSerializer(), serializer)) {
            SymbolCommand command = enabled == null ? null : new SymbolCommand(symbol, enabled, Instant.now());
            producer.send(new ProducerRecord<>(topic, symbol, command));
            producer.flush();
        }
    }

    /**
     * Writes the configuration file of an ingest service on {@code bootstrap} with its topics {@code trades} and
     * {@code control}, a mock:// registry of its own and endpoints on any free port, then {@code extraLines}.
     */
    public static Path serviceConfig(Path file, String bootstrap, String trades, String control, String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "kafka.bootstrap.servers=" + bootstrap,
                "schema.registry.url=" + mockRegistry(),
                "http.port=0",
                "topic.md.trades.name=" + trades,
                "topic.control.symbols.name=" + control));
        lines.addAll(List.of(extraLines));
        return Files.write(file, lines);
    }

    /** How many records the topic holds: the sum of its partitions' end offsets. */
    public static long recordsIn(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** The trades the topic holds now, counted without reading them: its records with a value (watermarks have none). */
    public static long tradeRecordsIn(String bootstrap, String topic) {
        long[] trades = {0};
        readToEnd(bootstrap, topic, new ByteArrayDeserializer(), record -> {
            if (record.value() != null) {
                trades[0]++;
            }
        });
        return trades[0];
    }

    /** The fewest watermarks any of the {@code partitions} holds. */
    public static long watermarksPerPartition(List<StoredRecord> records, int partitions) {
        long fewest = Long.MAX_VALUE;
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            fewest = Math.min(fewest, records.stream().filter(r -> r.partition() == partition && r.watermark().isPresent()).count());
        }
        return fewest;
    }

    /**
     * Per partition, in offset order: no trade that {@code checked} selects comes after a watermark later than its
     * trade time (the producer wrote every earlier trade before the watermark). A consumer keeps the highest watermark
     * it has read, so that is the one a trade is checked against: a restarted ingest may start again lower, which is
     * true, only less informative.
     */
    public static void assertWatermarksCoverTheTradesBeforeThem(List<StoredRecord> records, Predicate<StoredRecord> checked) {
        Map<Integer, List<StoredRecord>> byPartition = records.stream()
                .collect(java.util.stream.Collectors.groupingBy(StoredRecord::partition));
        byPartition.forEach((partition, inPartition) -> {
            long watermark = Long.MIN_VALUE;
            for (StoredRecord record : inPartition) {
                if (record.watermark().isPresent()) {
                    watermark = Math.max(watermark, record.watermark().getAsLong());
                } else if (checked.test(record)) {
                    assertThat(record.trade().getTradeTime().toEpochMilli())
                            .as("trade %s %d at %d-%d", record.trade().getSymbol(), record.trade().getTradeId(), partition, record.offset())
                            .isGreaterThanOrEqualTo(watermark);
                }
            }
        });
    }
}
