package dev.tickflow.chaos;

import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic read from the beginning up to its end at the time of the call, with read_committed, as a downstream
 * consumer sees it: per partition, in partition order.
 */
final class TopicSnapshot {
    private static final Duration WITHIN = Duration.ofSeconds(120);

    private TopicSnapshot() {
    }

    /** The trades of md.trades by partition, in partition order; watermarks (records without a value) left out. */
    static Map<Integer, List<Trade>> trades(String bootstrapServers, String registryUrl, String topic) {
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(Map.of("schema.registry.url", registryUrl), false);
        Map<Integer, List<Trade>> byPartition = new LinkedHashMap<>();
        try (KafkaConsumer<String, Trade> consumer = new KafkaConsumer<>(properties(bootstrapServers), new StringDeserializer(), deserializer)) {
            for (ConsumerRecord<String, Trade> record : readToEnd(consumer, topic)) {
                if (record.value() != null) {
                    byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.value());
                }
            }
        }
        return byPartition;
    }

    /** How many committed records the topic holds (a late-trade topic, a DLQ: any content counts). */
    static int count(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return readToEnd(consumer, topic).size();
        }
    }

    private static Map<String, Object> properties(String bootstrapServers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static <K, V> List<ConsumerRecord<K, V>> readToEnd(KafkaConsumer<K, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, WITHIN).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WITHIN);
        List<ConsumerRecord<K, V>> read = new ArrayList<>();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition, WITHIN) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " to its end " + end + " within " + WITHIN.toSeconds() + " s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        }
        return read;
    }
}
