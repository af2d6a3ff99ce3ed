package dev.tickflow.ingest;

import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.serde.AvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted control.symbols topic from its beginning and applies it to a running {@link TradeSource}: a
 * command with enabled=true subscribes the symbol, enabled=false pauses it (unsubscribes, keeping it listed), a
 * tombstone removes it. No consumer group: every ingest instance reads the whole topic. A value that cannot be read
 * is logged and skipped.
 */
public final class SymbolControl implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SymbolControl.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<String, byte[]> consumer;
    private final AvroDeserializer<SymbolCommand> deserializer;
    private final String topic;
    private final TradeSource source;
    private volatile boolean running = true;
    private Thread thread;

    public SymbolControl(IngestSettings settings, TradeSource source) {
        this.topic = settings.topics().symbolCommands().name();
        this.source = source;
        Map<String, Object> config = new HashMap<>(settings.kafkaClient());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, IngestSettings.APPLICATION_ID + "-control");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.deserializer = new AvroDeserializer<>(SymbolCommand.class);
        this.deserializer.configure(settings.serdeConfig(), false);
    }

    /** Assigns every partition of control.symbols from the beginning and starts following it. */
    public synchronized void start() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist: create the topics first (tickflow topics create)");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "ingest-symbol-control");
        thread.setDaemon(true);
        thread.start();
        log.info("Following {} ({} partitions)", topic, partitions.size());
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current != null) {
            WorkerThreads.join(current, Duration.ofSeconds(10));
        } else {
            consumer.close();
        }
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
            }
        } catch (WakeupException closing) {
            // close() was called
        } catch (RuntimeException e) {
            log.error("Stopped following {}: {}", topic, e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (record.value() == null) {
            if (key != null) {
                log.info("{}: {} removed", topic, key);
                source.unsubscribe(key);
            }
            return;
        }
        SymbolCommand command;
        try {
            command = deserializer.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            log.error("{}: skipped unreadable command at partition {} offset {} (key {}): {}", topic, record.partition(),
                    record.offset(), key, e.getMessage());
            return;
        }
        String symbol = command.getSymbol().toString();
        if (command.getEnabled()) {
            log.info("{}: {} enabled", topic, symbol);
            source.subscribe(symbol);
        } else {
            log.info("{}: {} paused", topic, symbol);
            source.unsubscribe(symbol);
        }
    }
}
