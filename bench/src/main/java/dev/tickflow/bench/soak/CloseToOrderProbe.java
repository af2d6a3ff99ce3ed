package dev.tickflow.bench.soak;

import dev.tickflow.schema.OrderEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the orders topic from its end, read_committed, into {@link CloseToOrderLatencies}, each event at the time it
 * became visible to a consumer here.
 */
final class CloseToOrderProbe implements Runnable, AutoCloseable {
    private final KafkaConsumer<String, OrderEvent> consumer;
    private final String topic;
    private final LongSupplier clock;
    private final CloseToOrderLatencies latencies;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile RuntimeException failure;

    CloseToOrderProbe(Map<String, Object> consumerConfig, Deserializer<OrderEvent> orders, String topic, long graceMs, LongSupplier clock) {
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), orders);
        this.topic = topic;
        this.clock = clock;
        this.latencies = new CloseToOrderLatencies(graceMs);
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, OrderEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    latencies.observe(record.value().getClientOrderId(), record.value().getSignalId(), clock.getAsLong());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The latencies measured since the last call, in milliseconds. */
    List<Long> drain() {
        if (failure != null) {
            throw new IllegalStateException("Reading " + topic + " failed: " + failure.getMessage(), failure);
        }
        return latencies.drain();
    }

    /** Orders seen before their candle could close by this machine's clock: the market runs ahead of it. */
    long ordersAheadOfTheClock() {
        return latencies.aheadOfTheClock();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
