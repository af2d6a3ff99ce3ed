package dev.tickflow.bench.soak;

import dev.tickflow.schema.OrderEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the orders topic from its end, read_committed, and measures each new order's close-to-order latency: when
 * its first event became visible to a consumer here, minus its candle's end plus the aggregation's grace (the moment
 * the candle can close at the earliest). The candle comes from the signal id ({@code instance:symbol:candleOpenMillis});
 * orders without a signal (operator commands) are not measured, nor orders visible before their candle could close,
 * which a market simulated faster than real time gives: they are only counted ({@link #ordersAheadOfTheClock()}).
 */
final class CloseToOrderProbe implements Runnable, AutoCloseable {
    private static final long CANDLE_MS = 60_000;

    private final KafkaConsumer<String, OrderEvent> consumer;
    private final String topic;
    private final long graceMs;
    private final LongSupplier clock;
    private final Set<String> seen = new HashSet<>();
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicLong ordersAheadOfTheClock = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile RuntimeException failure;

    CloseToOrderProbe(Map<String, Object> consumerConfig, Deserializer<OrderEvent> orders, String topic, long graceMs, LongSupplier clock) {
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), orders);
        this.topic = topic;
        this.graceMs = graceMs;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, OrderEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    observe(record.value(), clock.getAsLong());
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

    private void observe(OrderEvent order, long visibleAtMs) {
        Long candleOpen = candleOpenMillis(order.getSignalId());
        if (candleOpen == null || !seen.add(order.getClientOrderId())) {
            return;
        }
        long latency = visibleAtMs - (candleOpen + CANDLE_MS + graceMs);
        if (latency < 0) {
            ordersAheadOfTheClock.incrementAndGet();
            return;
        }
        synchronized (latencies) {
            latencies.add(latency);
        }
    }

    /** Orders seen before their candle could close by this machine's clock: the market runs ahead of it. */
    long ordersAheadOfTheClock() {
        return ordersAheadOfTheClock.get();
    }

    /** The candle open time of a signal id, null for none. */
    static Long candleOpenMillis(String signalId) {
        if (signalId == null) {
            return null;
        }
        int last = signalId.lastIndexOf(':');
        try {
            return last < 0 ? null : Long.parseLong(signalId.substring(last + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The latencies measured since the last call, in milliseconds. */
    List<Long> drain() {
        if (failure != null) {
            throw new IllegalStateException("Reading " + topic + " failed: " + failure.getMessage(), failure);
        }
        synchronized (latencies) {
            List<Long> drained = new ArrayList<>(latencies);
            latencies.clear();
            return drained;
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
