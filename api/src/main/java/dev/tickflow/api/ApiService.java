package dev.tickflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.api.view.MarketViews;
import dev.tickflow.config.TickflowConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the API: reads the topics into bounded views, serves the REST endpoints, the WebSocket, the dashboard and the
 * docs, and writes control.symbols and control.operator.
 *
 * <pre>{@code
 * try (ApiService api = new ApiService(config, out, err)) {
 *     api.start();
 *     URI dashboard = api.url();
 * }
 * }</pre>
 *
 * {@link #run()} is for a command's main thread: it blocks until the JVM is asked to stop (SIGTERM, Ctrl+C) and
 * closes everything on the way out.
 */
public final class ApiService implements AutoCloseable {
    public static final int EXIT_STOPPED = 0;
    public static final int EXIT_FAILED = 1;
    private static final Logger log = LoggerFactory.getLogger(ApiService.class);

    private final ApiSettings settings;
    private final StrategyInfo strategy;
    private final PrintWriter out;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private MarketViews views;
    private TopicFeed feed;
    private ControlWriter control;
    private ApiServer server;
    private LiveHub hub;
    private boolean started;
    private boolean closed;

    /** Prints where the API is to {@code out}. */
    public ApiService(TickflowConfig config, PrintWriter out) {
        this.settings = ApiSettings.from(config);
        this.strategy = StrategyInfo.from(config);
        this.out = out;
    }

    public ApiSettings settings() {
        return settings;
    }

    /**
     * Checks the topics, starts reading them and starts listening; returns without waiting for the views to catch up.
     *
     * @throws IllegalStateException naming missing topics, an unreachable cluster or a port in use
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("api was already started");
        }
        started = true;
        if (strategy.error() != null) {
            log.warn("api: GET /strategy will answer 503: {}", strategy.error());
        }
        ObjectMapper json = new ObjectMapper();
        views = MarketViews.bounded(settings.candlesPerSeries(), settings.indicatorsPerSeries(), settings.seriesRecords(),
                settings.events());
        hub = new LiveHub(json, new TickThrottle(settings.tickInterval()), System::nanoTime);
        try {
            feed = new TopicFeed(settings, views, hub);
            feed.start();
            control = new ControlWriter(settings, Clock.systemUTC());
            TopicFeed started = feed;
            server = new ApiServer(settings, views, hub, control, strategy, json, this::health, this::ready, started::operatorTopicsPresent);
            server.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        URI url = server.url();
        out.println("api: dashboard on " + url + ", API docs on " + url.resolve("docs") + ", health on " + url.resolve("health") + ", WebSocket on "
                + URI.create("ws" + url.toString().substring(4)).resolve("ws")
                + (settings.tokenRequired() ? " (POST and DELETE need api.token)" : ""));
        out.flush();
    }

    /** The base URL of the API and dashboard, such as {@code http://127.0.0.1:8080/}. */
    public synchronized URI url() {
        if (server == null) {
            throw new IllegalStateException("api is not started");
        }
        return server.url();
    }

    /** Whether the views hold what the topics held at start and the topics are still being read. */
    public boolean ready() {
        TopicFeed current = feed;
        return current != null && current.caughtUp() && current.failure() == null && !closed;
    }

    Map<String, Object> health() {
        TopicFeed current = feed;
        Map<String, Object> body = new LinkedHashMap<>();
        String failure = current == null ? "not started" : current.failure();
        body.put("status", failure != null || closed ? "DOWN" : ready() ? "UP" : "CATCHING_UP");
        body.put("caughtUp", current != null && current.caughtUp());
        body.put("consumerLag", current == null ? -1 : current.lag());
        body.put("skippedRecords", current == null ? 0 : current.skipped());
        body.put("webSocketClients", hub == null ? 0 : hub.clients());
        if (failure != null) {
            body.put("error", failure);
        }
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("candlesPerSymbolAndInterval", settings.candlesPerSeries());
        bounds.put("indicatorsPerInstanceAndSymbol", settings.indicatorsPerSeries());
        bounds.put("candlesAndIndicatorsInAll", settings.seriesRecords());
        bounds.put("signals", settings.events());
        bounds.put("orderEvents", settings.events());
        bounds.put("fills", settings.events());
        bounds.put("operatorCommands", settings.events());
        bounds.put("operationalEvents", settings.events());
        body.put("viewBounds", bounds);
        return body;
    }

    /** Starts, closes on SIGTERM/Ctrl+C through a shutdown hook, and returns the exit code once stopped. */
    public int run() {
        start();
        Thread hook = new Thread(this::close, "api-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            closedLatch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return EXIT_FAILED;
        }
        return EXIT_STOPPED;
    }

    /** Stops listening, then stops reading and closes the producer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("api: stopping");
        if (server != null) {
            server.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (control != null) {
            control.close();
        }
        closedLatch.countDown();
    }
}
