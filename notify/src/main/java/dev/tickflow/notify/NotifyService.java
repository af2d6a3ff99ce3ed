package dev.tickflow.notify;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.Health;
import dev.tickflow.runtime.HealthServer;
import dev.tickflow.runtime.ServiceMetrics;
import dev.tickflow.runtime.ShutdownHook;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.SchemaRegistryUnavailableException;
import io.micrometer.core.instrument.Counter;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notify service: a plain consumer (group {@code application.id}) of oms.fills, oms.orders and ops.events that
 * posts each notification to every target whose filter accepts it. A record's offset is committed only after its
 * deliveries have ended and were written to the {@link DeliveredIds} log, so a restart re-reads the uncommitted
 * records (at least once) and the log drops those already posted (once per target and notification id).
 *
 * <pre>{@code
 * int exitCode = new NotifyService(config, out).run();
 * }</pre>
 */
public final class NotifyService implements AutoCloseable {
    public static final int EXIT_STOPPED = 0;
    public static final int EXIT_FAILED = 1;
    static final String NAME = "notify";
    static final String UNREADABLE = "tickflow.notify.unreadable";
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REGISTRY_WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(NotifyService.class);

    private final TickflowConfig config;
    private final NotifySettings settings;
    private final PrintWriter out;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ServiceMetrics metrics = new ServiceMetrics(NAME);
    private final Counter unreadable;
    private final List<TargetDelivery> deliveries = new ArrayList<>();
    private final AvroDeserializer<Fill> fills = new AvroDeserializer<>(Fill.class);
    private final AvroDeserializer<OrderEvent> orders = new AvroDeserializer<>(OrderEvent.class);
    private final AvroDeserializer<OperationalEvent> events = new AvroDeserializer<>(OperationalEvent.class);
    private DeliveredIds delivered;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread loop;
    private HealthServer http;
    private volatile boolean running;
    private volatile boolean failed;
    private boolean started;
    private boolean closed;

    /** @throws org.apache.kafka.common.config.ConfigException when the configuration has no usable target */
    public NotifyService(TickflowConfig config, PrintWriter out) {
        this.config = config;
        this.settings = NotifySettings.from(config);
        this.out = out;
        this.unreadable = Counter.builder(UNREADABLE).description("Records notify could not deserialize and skipped").register(metrics.registry());
        settings.describe().forEach(out::println);
        out.flush();
    }

    /** Checks the topics, opens the delivered-ids log, starts the endpoints and the consumer; returns at once. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("notify was already started");
        }
        started = true;
        checkTopics();
        Map<String, Object> serde = config.serdeProperties();
        fills.configure(serde, false);
        orders.configure(serde, false);
        events.configure(serde, false);
        delivered = DeliveredIds.open(settings.dataDir(), settings.deliveredIdsCapacity());
        settings.targets().forEach(target -> deliveries.add(new TargetDelivery(target, settings.retry(), settings.requestTimeout(), metrics.registry())));
        consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(settings.topicNames());
        http = HealthServer.startConfigured(NAME, config, this::health, metrics::scrape, out).orElse(null);
        running = true;
        loop = new Thread(this::consume, "notify-consumer");
        loop.start();
        log.info("notify: started (group {}, {} target(s))", config.getString(ConfigKeys.APPLICATION_ID), deliveries.size());
    }

    /** Starts, closes on SIGTERM/Ctrl+C, and returns the exit code once stopped. */
    public int run() {
        start();
        return ShutdownHook.awaitStop(NAME, this::close, this::awaitTermination, EXIT_FAILED);
    }

    /** Blocks until the consumer stops: {@link #EXIT_FAILED} when it failed, {@link #EXIT_STOPPED} when closed. */
    public int awaitTermination() throws InterruptedException {
        terminated.await();
        return failed ? EXIT_FAILED : EXIT_STOPPED;
    }

    public Optional<URI> httpAddress() {
        return Optional.ofNullable(http).map(HealthServer::address);
    }

    /** The delivered-ids log in use (tests read its size). */
    DeliveredIds delivered() {
        return delivered;
    }

    private Health health() {
        if (failed) {
            return new Health(false, "FAILED");
        }
        return running ? new Health(true, "RUNNING") : new Health(false, "STOPPED");
    }

    private void consume() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    Optional<Notification> notification = decode(record);
                    if (notification.isPresent()) {
                        dispatch(notification.get());
                    }
                }
                consumer.commitSync();
            }
        } catch (WakeupException | InterruptedException stopping) {
            log.info("notify: stopping; records whose delivery had not ended are read again on the next start");
        } catch (RuntimeException e) {
            if (running) {
                failed = true;
                log.error("notify: the consumer failed; stopping", e);
            }
        } finally {
            running = false;
            Thread.interrupted();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            terminated.countDown();
        }
    }

    /** Posts to every accepting target not yet served; returns once every delivery has ended and is recorded. */
    private void dispatch(Notification notification) throws InterruptedException {
        Map<TargetDelivery, CompletableFuture<DeliveryOutcome>> pending = new HashMap<>();
        for (TargetDelivery delivery : deliveries) {
            String target = delivery.target().name();
            if (!delivery.target().filter().accepts(notification)) {
                continue;
            }
            if (delivered.contains(target, notification.id())) {
                log.debug("notify: {} already went to {}; skipped", notification.id(), target);
                continue;
            }
            pending.put(delivery, delivery.submit(notification));
        }
        InterruptedException interrupted = null;
        for (Map.Entry<TargetDelivery, CompletableFuture<DeliveryOutcome>> entry : pending.entrySet()) {
            try {
                entry.getValue().get();
                delivered.record(entry.getKey().target().name(), notification.id());
            } catch (ExecutionException e) {
                interrupted = new InterruptedException("delivery to " + entry.getKey().target().name() + " interrupted");
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
    }

    private Optional<Notification> decode(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        if (record.value() == null) {
            return Optional.empty();
        }
        while (running) {
            try {
                String topic = record.topic();
                if (topic.equals(settings.topics().fills().name())) {
                    return Optional.of(Notifications.of(fills.deserialize(topic, record.value())));
                } else if (topic.equals(settings.topics().orders().name())) {
                    return Notifications.of(orders.deserialize(topic, record.value()));
                }
                return Optional.of(Notifications.of(events.deserialize(topic, record.value())));
            } catch (RuntimeException e) {
                if (SchemaRegistryUnavailableException.findIn(e).isEmpty()) {
                    unreadable.increment();
                    log.error("notify: skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                    return Optional.empty();
                }
                log.warn("notify: the schema registry is unavailable; retrying record {}-{}@{} in {} ms", record.topic(), record.partition(),
                        record.offset(), REGISTRY_WAIT.toMillis());
                Thread.sleep(REGISTRY_WAIT.toMillis());
            }
        }
        throw new InterruptedException("stopping");
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>();
        // a new group starts at the end: notify tells what happens from now on, not a year of history
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // deliveries with retries can take minutes; few records per poll keep the group alive meanwhile
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        properties.putAll(config.kafkaClientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(ConfigKeys.APPLICATION_ID));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getString(ConfigKeys.APPLICATION_ID));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    private void checkTopics() {
        Set<String> wanted = new TreeSet<>(settings.topicNames());
        Map<String, Object> properties = new HashMap<>(config.kafkaClientProperties());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getString(ConfigKeys.APPLICATION_ID) + "-topic-check");
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(TOPIC_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            wanted.removeAll(existing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("notify: interrupted while checking its topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("notify cannot reach Kafka at " + config.getString(ConfigKeys.BOOTSTRAP_SERVERS) + " within "
                    + TOPIC_CHECK_TIMEOUT.toSeconds() + " s: is the broker running (tickflow up)?", e);
        }
        if (!wanted.isEmpty()) {
            throw new IllegalStateException("notify: missing topics " + wanted + "; create them with: tickflow topics create");
        }
    }

    /** Stops the consumer and the targets; a delivery in progress is abandoned unrecorded, so it is retried on the next start. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
        }
        if (consumer != null) {
            consumer.wakeup();
        }
        if (loop != null) {
            loop.interrupt();
        }
        deliveries.forEach(TargetDelivery::close);
        if (loop != null) {
            try {
                loop.join(config.getLong(ConfigKeys.SHUTDOWN_TIMEOUT_MS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (delivered != null) {
            delivered.close();
        }
        if (http != null) {
            http.close();
        }
        metrics.close();
        terminated.countDown();
    }
}
