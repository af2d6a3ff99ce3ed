package dev.tickflow.strategy;

import static org.awaitility.Awaitility.await;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.runtime.fixtures.ServiceFixtures;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One strategy service under test: its topics (unique names), its configuration file (default instances A and B), a
 * candle and fill producer, and a read_committed reader of its output.
 */
final class StrategyFixture {
    static final int PARTITIONS = 3;

    final String candles;
    final String fills;
    final String signals;
    final String indicators;
    final String applicationId;
    final Path configFile;
    private final KafkaBroker broker;
    private final ApicurioRegistry registry;

    StrategyFixture(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics, Path dir) {
        this.broker = broker;
        this.registry = registry;
        this.candles = topics.create("md.candles.1m", PARTITIONS);
        this.fills = topics.create("oms.fills", PARTITIONS);
        this.signals = topics.create("strategy.signals", PARTITIONS);
        this.indicators = topics.create("strategy.indicators", PARTITIONS);
        this.applicationId = topics.name("strategy");
        Map<String, String> settings = ServiceFixtures.baseSettings(broker, registry, applicationId, dir);
        settings.put("topic.md.candles.1m.name", candles);
        settings.put("topic.oms.fills.name", fills);
        settings.put("topic.strategy.signals.name", signals);
        settings.put("topic.strategy.indicators.name", indicators);
        settings.put("topic.control.operator.name", topics.create("control.operator", 1));
        settings.put("topic.ops.events.name", topics.create("ops.events", PARTITIONS));
        this.configFile = ServiceFixtures.writeProperties(settings, dir.resolve("strategy.properties"), "strategy service under test");
    }

    TickflowConfig config() {
        return TickflowConfig.load(Optional.of(configFile), Map.of(), StrategySettings.definition());
    }

    /** Candles keyed by symbol with their close time as timestamp, as the aggregate service publishes them. */
    void produceCandles(List<Candle> records) {
        ServiceFixtures.produce(broker, registry, records.stream()
                .map(c -> new ProducerRecord<>(candles, null, c.getCloseTime().toEpochMilli(), c.getSymbol(), c)).toList());
    }

    /** Fills keyed by symbol with their trade time as timestamp; returns where each went. */
    List<RecordMetadata> produceFills(List<Fill> records) {
        return ServiceFixtures.produce(broker, registry, records.stream()
                .map(f -> new ProducerRecord<>(fills, null, f.getTradeTime().toEpochMilli(), f.getSymbol(), f)).toList());
    }

    /** Waits until the service has committed its consumption of every record up to and including {@code last}. */
    void awaitConsumed(List<RecordMetadata> last, Duration timeout) {
        await().atMost(timeout).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = broker.admin().listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            return last.stream().allMatch(metadata -> {
                OffsetAndMetadata offset = committed.get(new TopicPartition(metadata.topic(), metadata.partition()));
                return offset != null && offset.offset() > metadata.offset();
            });
        });
    }

    /**
     * Reads a topic from the beginning with read_committed until {@code done} holds for what was read (then for
     * {@code settle} more, to catch duplicates) or {@code timeout} passes. Records of one partition, so of one symbol,
     * keep their order.
     */
    <T> List<T> read(String topic, Class<T> type, Predicate<List<T>> done, Duration timeout, Duration settle) {
        return CommittedReader.read(broker.bootstrapServers(), registry.confluentApiUrl(), topic, PARTITIONS, type, done, timeout, settle);
    }
}
