package dev.tickflow.api;

import dev.tickflow.api.view.MarketViews;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.SchemaRegistryUnavailableException;
import dev.tickflow.topics.CandleInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every topic the API serves from its beginning (read_committed, no consumer group, nothing committed) into
 * the {@link MarketViews}, and, once it has caught up with the end offsets it found at start, pushes each new record
 * to the {@link LiveHub}. A value that cannot be read is logged and skipped. The operator topics (control.operator,
 * ops.events) are optional, so that an older cluster still serves everything else: when they are missing a warning says
 * so and the operator controls answer 503 ({@link #operatorTopicsPresent()}).
 */
final class TopicFeed implements AutoCloseable {
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ApiSettings settings;
    private final MarketViews views;
    private final LiveHub hub;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, BiConsumer<String, byte[]>> handlers = new HashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private volatile Map<TopicPartition, Long> catchUpTarget = Map.of();
    private volatile boolean caughtUp;
    private volatile boolean operatorTopicsPresent;
    private volatile long lag = -1;
    private volatile String failure;
    private volatile boolean running = true;
    private Thread thread;

    TopicFeed(ApiSettings settings, MarketViews views, LiveHub hub) {
        this.settings = settings;
        this.views = views;
        this.hub = hub;
        Map<String, Object> config = new HashMap<>(settings.kafkaClient());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, ApiSettings.APPLICATION_ID + "-views");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        route();
    }

    private void route() {
        handle(settings.topics().trades().name(), Trade.class, (key, trade) -> {
            if (trade != null && views.ticks().put(trade) && caughtUp) {
                hub.publishTick(trade.getSymbol(), RecordJson.trade(trade));
            }
        });
        for (CandleInterval interval : settings.topics().candleIntervals()) {
            handle(settings.topics().candles(interval).name(), Candle.class, (key, candle) -> {
                if (candle != null) {
                    views.candles().put(candle);
                    push("candle", RecordJson.candle(candle));
                }
            });
        }
        handle(settings.topics().indicators().name(), IndicatorSnapshot.class, (key, snapshot) -> {
            if (snapshot != null) {
                views.indicators().put(snapshot);
                push("indicator", RecordJson.indicator(snapshot));
            }
        });
        handle(settings.topics().signals().name(), Signal.class, (key, signal) -> {
            if (signal != null) {
                views.signals().add(signal);
                push("signal", RecordJson.signal(signal));
            }
        });
        handle(settings.topics().orders().name(), OrderEvent.class, (key, order) -> {
            if (order != null) {
                views.orders().add(order);
                push("order", RecordJson.order(order));
            }
        });
        handle(settings.topics().fills().name(), Fill.class, (key, fill) -> {
            if (fill != null) {
                views.fills().add(fill);
                push("fill", RecordJson.fill(fill));
            }
        });
        handle(settings.topics().positions().name(), Position.class, (key, position) -> {
            if (position == null) {
                views.positions().remove(key);
            } else {
                views.positions().put(key, position);
                push("position", RecordJson.position(position));
            }
        });
        handle(settings.topics().symbolCommands().name(), SymbolCommand.class, (key, command) -> views.symbols().apply(key, command));
        handle(settings.topics().operatorCommands().name(), OperatorCommand.class, (key, command) -> {
            if (command != null) {
                views.commands().add(command);
                push("operatorCommand", RecordJson.operatorCommand(command));
            }
        });
        handle(settings.topics().operationalEvents().name(), OperationalEvent.class, (key, event) -> {
            if (event != null) {
                views.opsEvents().add(event);
                views.controls().apply(event);
                push("opsEvent", RecordJson.operationalEvent(event));
            }
        });
    }

    private Set<String> operatorTopics() {
        return Set.of(settings.topics().operatorCommands().name(), settings.topics().operationalEvents().name());
    }

    /** Whether control.operator and ops.events exist (checked at start). */
    boolean operatorTopicsPresent() {
        return operatorTopicsPresent;
    }

    private <T extends SpecificRecord> void handle(String topic, Class<T> type, BiConsumer<String, T> handler) {
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type);
        deserializer.configure(settings.serdeConfig(), false);
        handlers.put(topic, (key, value) -> handler.accept(key, value == null ? null : deserializer.deserialize(topic, value)));
    }

    private void push(String type, Map<String, Object> data) {
        if (caughtUp) {
            hub.publish(type, data);
        }
    }

    /**
     * Assigns every partition of the topics from the beginning and starts reading.
     *
     * @throws IllegalStateException naming the topics that do not exist
     */
    synchronized void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String topic : handlers.keySet().stream().sorted().toList()) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, TOPIC_CHECK_TIMEOUT);
            } catch (TimeoutException e) {
                throw new IllegalStateException("api: Kafka at " + settings.kafkaClient().get("bootstrap.servers") + " did not answer within "
                        + TOPIC_CHECK_TIMEOUT.toSeconds() + " s: start it (tickflow up) or set kafka.bootstrap.servers", e);
            }
            if (infos == null || infos.isEmpty()) {
                missing.add(topic);
            } else {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        List<String> missingOperatorTopics = missing.stream().filter(operatorTopics()::contains).toList();
        missing.removeAll(missingOperatorTopics);
        operatorTopicsPresent = missingOperatorTopics.isEmpty();
        if (!operatorTopicsPresent) {
            log.warn("api: topics {} do not exist: the operator controls answer 503 until they are created (tickflow topics create) "
                    + "and the API restarted", missingOperatorTopics);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("api: topics " + missing + " do not exist on " + settings.kafkaClient().get("bootstrap.servers")
                    + ": create them first (tickflow topics create)");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> target = new HashMap<>();
        consumer.endOffsets(partitions).forEach((partition, end) -> {
            if (end > 0) {
                target.put(partition, end);
            }
        });
        catchUpTarget = target;
        caughtUp = target.isEmpty();
        thread = new Thread(this::run, "api-views");
        thread.setDaemon(true);
        thread.start();
        log.info("api: reading {} partitions of {} topics from the beginning", partitions.size(), handlers.size());
    }

    /** Whether the views hold everything the topics held when the API started. */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Records behind the end of the topics, summed over partitions; -1 before the first poll. */
    long lag() {
        return lag;
    }

    long skipped() {
        return skipped.get();
    }

    /** Why reading stopped, or null while it runs. */
    String failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
                updateProgress();
            }
        } catch (WakeupException closing) {
            // close() was called
        } catch (RuntimeException e) {
            failure = String.valueOf(e.getMessage());
            log.error("api: stopped reading the topics: {}", e.getMessage(), e);
        } finally {
            consumer.close(settings.shutdownTimeout());
        }
    }

    /** Applies the record; while the schema registry is unavailable it tries the same record again (the deserializer backs off). */
    private void apply(ConsumerRecord<String, byte[]> record) {
        while (running) {
            try {
                handlers.get(record.topic()).accept(record.key(), record.value());
                return;
            } catch (SchemaRegistryUnavailableException waitedOut) {
                // logged once per outage by the serde; the record is valid, so it is not skipped
            } catch (RuntimeException e) {
                skipped.incrementAndGet();
                log.error("api: skipped unreadable record of {} at partition {} offset {} (key {}): {}", record.topic(),
                        record.partition(), record.offset(), record.key(), e.getMessage());
                return;
            }
        }
    }

    private void updateProgress() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            if (partitionLag.isEmpty()) {
                total = -1;
                break;
            }
            total += partitionLag.getAsLong();
        }
        lag = total;
        if (!caughtUp) {
            Map<TopicPartition, Long> remaining = new LinkedHashMap<>(catchUpTarget);
            remaining.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
            if (remaining.isEmpty()) {
                caughtUp = true;
                log.info("api: caught up with the topics; pushing new records to WebSocket clients");
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current == null) {
            consumer.close(Duration.ZERO);
            return;
        }
        try {
            current.join(settings.shutdownTimeout().toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
