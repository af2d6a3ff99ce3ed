package dev.tickflow.localstack;

import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.SerdeConfig;
import dev.tickflow.topics.Watermarks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a restarted simulator continues an earlier run kept in md.trades, so that its trades are neither late nor
 * duplicates to the aggregation: it starts two minutes after the newest trade time (past any open minute and its
 * grace), with aggregate trade ids above every id written so far.
 *
 * <p>The ids need no scan of the topic: every aggregate trade is one record, so no symbol's id in a run that started
 * at id {@code f} exceeds {@code f - 1 +} the records that run wrote, and the sum of md.trades' end offsets plus one
 * is above them all (records of other producers only raise it).
 *
 * @param start        the first simulated trade time
 * @param firstTradeId the first aggregate trade id of every symbol
 */
public record MarketResume(Instant start, long firstTradeId) {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Reads the end of md.trades: empty when it holds no record. */
    public static Optional<MarketResume> read(Admin admin, String bootstrapServers, String registryUrl, String tradesTopic) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "tickflow-up-resume");
        AvroDeserializer<Trade> values = new AvroDeserializer<>(Trade.class);
        values.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        try (KafkaConsumer<String, Trade> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values)) {
            Map<TopicPartition, Long> ends = endOffsets(admin, tradesTopic);
            long records = ends.values().stream().mapToLong(Long::longValue).sum();
            List<TopicPartition> nonEmpty = ends.keySet().stream().filter(p -> ends.get(p) > 0).toList();
            if (nonEmpty.isEmpty()) {
                return Optional.empty();
            }
            consumer.assign(nonEmpty);
            nonEmpty.forEach(partition -> consumer.seek(partition, ends.get(partition) - 1));
            // a partition's last record is its newest trade or ingest's watermark after it (the producer writes the
            // simulated market in trade-time order; a watermark's time is at or after the trades before it)
            Instant newest = Instant.EPOCH;
            int remaining = nonEmpty.size();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (remaining > 0 && System.nanoTime() < deadline) {
                try {
                    for (ConsumerRecord<String, Trade> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() == ends.get(new TopicPartition(record.topic(), record.partition())) - 1) {
                            remaining--;
                            Instant time = record.value() != null ? record.value().getTradeTime()
                                    : Watermarks.of(record.headers()).stream().mapToObj(Instant::ofEpochMilli).findFirst().orElse(Instant.EPOCH);
                            if (time.isAfter(newest)) {
                                newest = time;
                            }
                        }
                    }
                } catch (RecordDeserializationException notATrade) {
                    // the aggregation sent it to its dead-letter topic; this partition's last trade time stays unknown
                    consumer.seek(notATrade.topicPartition(), notATrade.offset() + 1);
                    remaining--;
                }
            }
            if (remaining > 0) {
                throw new IllegalStateException("Cannot read the last trades of " + tradesTopic + " within " + READ_TIMEOUT.toSeconds() + " s");
            }
            return Optional.of(new MarketResume(newest.truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES), records + 1));
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            return TopicOffsets.ends(admin, List.of(topic), READ_TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the end offsets of " + topic, e);
        }
    }
}
