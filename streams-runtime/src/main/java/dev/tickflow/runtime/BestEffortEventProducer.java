package dev.tickflow.runtime;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.topics.TopicCatalog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes operational events to ops.events without ever holding up or failing the service: a plain (not
 * transactional) producer with short timeouts, fed from its own thread through a small queue; when Kafka or the
 * registry is down, or the queue is full, the event is dropped with a log line. Closing waits at most {@link #CLOSE_WAIT}.
 */
final class BestEffortEventProducer implements Consumer<OperationalEvent>, AutoCloseable {
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final int QUEUE = 16;
    private static final Logger log = LoggerFactory.getLogger(BestEffortEventProducer.class);

    private final String topic;
    private final KafkaProducer<String, OperationalEvent> producer;
    private final ThreadPoolExecutor sender;

    BestEffortEventProducer(TickflowConfig config, String clientId) {
        this.topic = TopicCatalog.from(config).operationalEvents().name();
        Map<String, Object> properties = new HashMap<>(config.kafkaClientProperties());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        properties.put(ProducerConfig.ACKS_CONFIG, "1");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        AvroSerializer<OperationalEvent> serializer = new AvroSerializer<>();
        serializer.configure(config.serdeProperties(), false);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), serializer);
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, clientId);
            thread.setDaemon(true);
            return thread;
        }, (dropped, executor) -> log.warn("ops.events: too many events waiting; one dropped"));
    }

    @Override
    public void accept(OperationalEvent event) {
        if (sender.isShutdown()) {
            log.warn("ops.events: closed; not writing {} {}", event.getKind(), event.getEventId());
            return;
        }
        sender.execute(() -> send(event));
    }

    private void send(OperationalEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.getService(), event), (metadata, error) -> {
                if (error != null) {
                    log.warn("ops.events: could not write {} {}: {}", event.getKind(), event.getEventId(), error.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("ops.events: could not write {} {}: {}", event.getKind(), event.getEventId(), e.toString());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_WAIT);
    }
}
