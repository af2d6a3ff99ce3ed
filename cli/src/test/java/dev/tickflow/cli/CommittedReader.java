package dev.tickflow.cli;

import dev.tickflow.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the services committed to a topic, as a downstream read_committed consumer sees it. */
final class CommittedReader {

    private CommittedReader() {
    }

    /**
     * Reads {@code topic} (partitions 0 to {@code partitions - 1}) from the beginning with read_committed until
     * {@code done} holds for what was read, then for {@code settle} more to catch duplicates, or until {@code timeout}.
     * Records of one partition, so of one symbol, keep their order.
     */
    static <T> List<T> read(String bootstrapServers, String registryUrl, String topic, int partitions, Class<T> type,
                            Predicate<List<T>> done, Duration timeout, Duration settle) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type);
        deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
        List<T> read = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), deserializer)) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                }
                if (settleUntil == Long.MAX_VALUE && done.test(read)) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return read;
    }
}
