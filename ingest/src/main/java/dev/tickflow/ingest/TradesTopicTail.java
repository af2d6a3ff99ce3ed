package dev.tickflow.ingest;

import dev.tickflow.ingest.binance.ResumePoint;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the last trade of each symbol already in md.trades (committed records only), reading every partition's tail
 * backwards in growing chunks until the configured symbols are found, the partition's beginning is reached, or the
 * records read were written more than {@code maxAge} ago.
 */
public final class TradesTopicTail {
    private static final Logger log = LoggerFactory.getLogger(TradesTopicTail.class);
    private static final int FIRST_CHUNK = 1_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TradesTopicTail() {
    }

    /** By symbol, the trade with the highest id found in the scanned tails (every symbol met, not only the configured ones). */
    public static Map<String, ResumePoint> lastTrades(IngestSettings settings, Duration maxAge) {
        String topic = settings.topics().trades().name();
        Map<String, Object> config = new HashMap<>(settings.kafkaClient());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, IngestSettings.APPLICATION_ID + "-resume");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        AvroDeserializer<Trade> values = new AvroDeserializer<>(Trade.class);
        values.configure(settings.serdeConfig(), false);
        long oldestWrite = Clock.systemUTC().millis() - maxAge.toMillis();
        Map<String, ResumePoint> found = new HashMap<>();
        Set<String> wanted = new HashSet<>(settings.symbols());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            for (TopicPartition partition : partitions) {
                scan(consumer, partition, begin.get(partition), end.get(partition), oldestWrite, wanted, found, values, topic);
            }
        }
        log.info("Last trades in {}: {}", topic, found);
        return found;
    }

    private static void scan(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long begin, long end,
                             long oldestWrite, Set<String> wanted, Map<String, ResumePoint> found,
                             AvroDeserializer<Trade> values, String topic) {
        consumer.assign(List.of(partition));
        long chunk = FIRST_CHUNK;
        long high = end;
        while (high > begin && !found.keySet().containsAll(wanted)) {
            long low = Math.max(begin, high - chunk);
            consumer.seek(partition, low);
            Map<String, ResumePoint> inChunk = new HashMap<>();
            boolean olderThanMaxAge = false;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition) < high && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= high) {
                        break;
                    }
                    olderThanMaxAge |= record.timestamp() < oldestWrite;
                    if (record.value() == null) {
                        continue; // a watermark
                    }
                    Trade trade = values.deserialize(topic, record.value());
                    inChunk.merge(trade.getSymbol(), new ResumePoint(trade.getTradeId(), trade.getTradeTime().toEpochMilli()),
                            (a, b) -> a.lastTradeId() >= b.lastTradeId() ? a : b);
                }
            }
            // a later chunk (read before) holds a symbol's newer trades
            inChunk.forEach(found::putIfAbsent);
            if (olderThanMaxAge) {
                break;
            }
            high = low;
            chunk *= 2;
        }
    }
}
