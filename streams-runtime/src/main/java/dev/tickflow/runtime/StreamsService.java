package dev.tickflow.runtime;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.serde.RegistryAvailability;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams service: checks that its topics exist, starts the topology with exactly-once (or the
 * configured guarantee), serves {@code GET /health} and {@code GET /metrics}, and stops cleanly.
 *
 * <pre>{@code
 * int exitCode = new StreamsService(new AggregateApp(), config, out, err).run();
 * }</pre>
 *
 * {@link #run()} is for a command's main thread: it blocks until Streams fails (exit code 1) or the JVM is asked to
 * stop (SIGTERM, Ctrl+C), closing everything on the way out. Tests use {@link #start()} and {@link #close()}.
 */
public final class StreamsService implements AutoCloseable {
    public static final int EXIT_STOPPED = 0;
    public static final int EXIT_FAILED = 1;
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(StreamsService.class);

    private final StreamsApp app;
    private final TickflowConfig config;
    private final Topology topology;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Properties properties;
    private final StreamThreadFailures failures;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile KafkaStreams streams;
    private volatile boolean failed;
    private ServiceMetrics metrics;
    private BestEffortEventProducer opsEvents;
    private volatile ServiceFailureEvents failureEvents;
    private volatile HealthServer http;
    private boolean closed;

    /**
     * Builds the app's topology and prints what the app describes to {@code out}; later where its endpoints are to
     * {@code out}, and why it failed, if it does, to {@code err}.
     *
     * @throws org.apache.kafka.common.config.ConfigException when the configuration cannot make the app's topology
     */
    public StreamsService(StreamsApp app, TickflowConfig config, PrintWriter out, PrintWriter err) {
        this.app = app;
        this.config = config;
        this.out = out;
        this.err = err;
        this.topology = app.buildTopology(config);
        app.describe(config).forEach(out::println);
        out.flush();
        this.properties = StreamsProperties.build(config, app);
        this.failures = new StreamThreadFailures(app.name(), Clock.systemUTC());
    }

    /** The Kafka Streams configuration in use: the configuration's keys, then the topology's overrides. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /**
     * Checks the topics, starts the HTTP endpoints and Kafka Streams, and returns without waiting for RUNNING.
     *
     * @throws IllegalStateException naming missing topics, an unreachable cluster or a port in use
     */
    public synchronized void start() {
        if (streams != null || closed) {
            throw new IllegalStateException(app.name() + " was already started");
        }
        checkTopics();
        KafkaStreams created = new KafkaStreams(topology, properties);
        startFailureEvents();
        created.setUncaughtExceptionHandler(error -> {
            StreamThreadExceptionResponse response = failures.handle(error);
            failureEvents.threadFailed(error, response);
            return response;
        });
        created.setStateListener(this::onStateChange);
        streams = created;
        metrics = new ServiceMetrics(app.name());
        try {
            startHttp();
            created.start();
            metrics.bind(created);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("{}: started (application.id {}, {})", app.name(), properties.get(ConfigKeys.APPLICATION_ID),
                properties.get(ConfigKeys.PROCESSING_GUARANTEE));
    }

    /**
     * Blocks until Kafka Streams stops: {@link #EXIT_FAILED} when it went to ERROR, {@link #EXIT_STOPPED} when it
     * was closed.
     */
    public int awaitTermination() throws InterruptedException {
        terminated.await();
        return failed ? EXIT_FAILED : EXIT_STOPPED;
    }

    /** Starts, closes on SIGTERM/Ctrl+C through a shutdown hook, and returns the exit code once stopped. */
    public int run() {
        start();
        return ShutdownHook.awaitStop(app.name(), this::close, this::awaitTerminationReportingFailure, EXIT_FAILED);
    }

    private int awaitTerminationReportingFailure() throws InterruptedException {
        int exitCode = awaitTermination();
        if (exitCode == EXIT_FAILED) {
            Throwable cause = failures.fatalError();
            err.println(app.name() + ": Kafka Streams failed and stopped (state ERROR)"
                    + (cause == null ? "" : ": " + rootMessage(cause)) + ". See the log above for the stack trace.");
            err.flush();
        }
        return exitCode;
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }

    /** The base URI of the health and metrics endpoints, if they are enabled and started. */
    public Optional<URI> httpAddress() {
        return Optional.ofNullable(http).map(HealthServer::address);
    }

    /** Closes Kafka Streams (waiting up to {@code shutdown.timeout.ms}), then the endpoints. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Duration timeout = Duration.ofMillis(config.getLong(ConfigKeys.SHUTDOWN_TIMEOUT_MS));
        if (streams != null) {
            log.info("{}: closing Kafka Streams (up to {} ms)", app.name(), timeout.toMillis());
            if (!streams.close(timeout)) {
                log.warn("{}: Kafka Streams did not close within {} ms", app.name(), timeout.toMillis());
            }
        }
        if (opsEvents != null) {
            opsEvents.close();
        }
        if (http != null) {
            http.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        terminated.countDown();
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        log.info("{}: {} -> {}", app.name(), oldState, newState);
        ServiceFailureEvents events = failureEvents;
        if (events != null) {
            events.stateChanged(newState);
        }
        if (newState == KafkaStreams.State.ERROR) {
            failed = true;
            terminated.countDown();
        } else if (newState == KafkaStreams.State.NOT_RUNNING) {
            terminated.countDown();
        }
    }

    /** SERVICE_FAILED and SERVICE_RECOVERED go to ops.events on a best-effort producer; without one they are only logged. */
    private void startFailureEvents() {
        try {
            opsEvents = new BestEffortEventProducer(config, properties.get(ConfigKeys.APPLICATION_ID) + "-ops-events");
            failureEvents = new ServiceFailureEvents(app.name(), Clock.systemUTC(), opsEvents);
        } catch (RuntimeException e) {
            log.warn("{}: cannot write service failures to ops.events ({}); they are only logged", app.name(), e.toString());
            failureEvents = new ServiceFailureEvents(app.name(), Clock.systemUTC(), event -> { });
        }
    }

    private void checkTopics() {
        RequiredTopics topics = RequiredTopics.of(topology, properties);
        Map<String, Object> adminProperties = new HashMap<>(config.kafkaClientProperties());
        adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG, properties.get(ConfigKeys.APPLICATION_ID) + "-topic-check");
        try (Admin admin = Admin.create(adminProperties)) {
            topics.check(admin, app.name(), config.getString(ConfigKeys.BOOTSTRAP_SERVERS), TOPIC_CHECK_TIMEOUT);
        }
        log.info("{}: reads {}, writes {}", app.name(), topics.inputs(), topics.outputs());
    }

    private void startHttp() {
        http = HealthServer.startConfigured(app.name(), config,
                () -> Health.of(state(), RegistryAvailability.shared().currentOutage()), metrics::scrape, out).orElse(null);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error) : error.getMessage() + " (caused by " + root + ")";
    }
}
