package dev.tickflow.ingest;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.ingest.binance.SymbolProgress;
import dev.tickflow.runtime.Health;
import dev.tickflow.runtime.HealthServer;
import dev.tickflow.runtime.ServiceMain;
import dev.tickflow.runtime.ServiceMetrics;
import dev.tickflow.runtime.ShutdownHook;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ingest service: the configured source into md.trades, control.symbols followed, progress logged every
 * few seconds, {@code GET /health} and {@code GET /metrics} (trades, gaps, missing and malformed trades per symbol).
 * {@link #run()} blocks until a replay is done (exit 0), a trade cannot be written (exit 1) or the JVM is asked to
 * stop (SIGTERM, Ctrl+C), and flushes the producer on the way out.
 */
public final class IngestService implements AutoCloseable {
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final String NAME = "ingest";
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final TickflowConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private final IngestStats stats = new IngestStats();
    private final IngestRunner runner;
    private final Map<String, Long> lastCounts = new HashMap<>();
    private ServiceMetrics metrics;
    private HealthServer http;
    private ScheduledExecutorService progress;
    private long lastProgressNanos;
    private volatile String state = "CREATED";
    private boolean closed;

    public IngestService(TickflowConfig config, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.runner = new IngestRunner(IngestSettings.from(config), stats, Duration.ofMillis(config.getLong(ConfigKeys.SHUTDOWN_TIMEOUT_MS)));
    }

    /** The service without the {@code tickflow} command: {@code java -cp CLASSPATH dev.tickflow.ingest.IngestService [CONFIG_FILE]}. */
    public static void main(String[] args) {
        ServiceMain.run(NAME, IngestSettings.definition(), args, (config, out, err) -> new IngestService(config, out, err).run());
    }

    public IngestStats stats() {
        return stats;
    }

    public IngestRunner runner() {
        return runner;
    }

    /** Starts the endpoints, the ingest and the progress log; returns at once. */
    public synchronized void start() {
        metrics = new ServiceMetrics(NAME);
        stats.onNewSymbol(this::registerMeters);
        FunctionCounter.builder("tickflow.ingest.malformed", runner, IngestRunner::malformed)
                .description("Input lines or messages skipped as malformed").register(metrics.registry());
        FunctionCounter.builder("tickflow.ingest.reconnects", runner, IngestRunner::reconnects)
                .description("Connection replacements of the live source (binance)").register(metrics.registry());
        try {
            startHttp();
            runner.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        state = "RUNNING";
        lastProgressNanos = System.nanoTime();
        progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-progress");
            thread.setDaemon(true);
            return thread;
        });
        progress.scheduleAtFixedRate(this::logProgress, PROGRESS_INTERVAL.toMillis(), PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts, closes on SIGTERM/Ctrl+C through a shutdown hook, and returns the exit code once stopped. */
    public int run() {
        start();
        return ShutdownHook.awaitStop(NAME, this::close, this::awaitTerminationReportingFailure, IngestRunner.EXIT_FAILED);
    }

    private int awaitTerminationReportingFailure() throws InterruptedException {
        int exitCode = runner.awaitTermination();
        IngestFailure failure = runner.failure();
        if (failure != null) {
            err.println(NAME + ": " + failure.getMessage());
            err.flush();
        }
        return exitCode;
    }

    public Optional<URI> httpAddress() {
        return Optional.ofNullable(http).map(HealthServer::address);
    }

    /** Stops the source, flushes and closes the producer, then the endpoints. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        state = runner.failure() == null ? "STOPPING" : "FAILED";
        if (progress != null) {
            progress.shutdownNow();
        }
        runner.close();
        logProgress();
        if (http != null) {
            http.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    private Health health() {
        if (runner.failure() != null) {
            return new Health(false, "FAILED");
        }
        return new Health("RUNNING".equals(state), state);
    }

    private void registerMeters(String symbol) {
        MeterRegistry registry = metrics.registry();
        FunctionCounter.builder("tickflow.ingest.trades", stats, s -> s.of(symbol).trades()).tag("symbol", symbol)
                .description("Trades written to md.trades (acknowledged)").register(registry);
        FunctionCounter.builder("tickflow.ingest.gaps", stats, s -> s.of(symbol).gaps()).tag("symbol", symbol)
                .description("Gaps: runs of trades the source could not deliver").register(registry);
        FunctionCounter.builder("tickflow.ingest.missing.trades", stats, s -> s.of(symbol).missingTrades()).tag("symbol", symbol)
                .description("Trades inside gaps").register(registry);
        FunctionCounter.builder("tickflow.ingest.source.gaps.filled", runner, r -> progress(r, symbol).gapsFilled())
                .tag("symbol", symbol).description("Holes the live source closed through REST").register(registry);
        FunctionCounter.builder("tickflow.ingest.source.gaps.reported", runner, r -> progress(r, symbol).gapsReported())
                .tag("symbol", symbol).description("Ranges the live source could not recover").register(registry);
        FunctionCounter.builder("tickflow.ingest.source.backfilled.trades", runner, r -> progress(r, symbol).backfilledTrades())
                .tag("symbol", symbol).description("Trades the live source fetched through REST").register(registry);
    }

    /** The source's progress for the symbol; zeros when the source keeps none (or the symbol is gone). */
    private static SymbolProgress progress(IngestRunner runner, String symbol) {
        SymbolProgress progress = runner.sourceProgress().get(symbol);
        return progress != null ? progress : new SymbolProgress(symbol, 0, 0, -1, null, 0, 0, 0, 0);
    }

    private synchronized void logProgress() {
        Map<String, SymbolProgress> sourceProgress = runner.sourceProgress();
        long now = System.nanoTime();
        double seconds = Math.max(0.001, (now - lastProgressNanos) / 1e9);
        lastProgressNanos = now;
        StringJoiner line = new StringJoiner("; ");
        stats.bySymbol().forEach((symbol, counts) -> {
            long previous = lastCounts.getOrDefault(symbol, 0L);
            lastCounts.put(symbol, counts.trades());
            String last = counts.lastTradeTime() == Long.MIN_VALUE ? "none" : Instant.ofEpochMilli(counts.lastTradeTime()).toString();
            line.add(String.format("%s %.1f/s (%d, last %s%s)", symbol, (counts.trades() - previous) / seconds, counts.trades(), last,
                    counts.gaps() == 0 ? "" : ", " + counts.gaps() + " gaps/" + counts.missingTrades() + " missing")
                    + backfill(sourceProgress.get(symbol)));
        });
        long malformed = runner.malformed();
        long reconnects = runner.reconnects();
        log.info("{}: {} trades written{}{}{}", NAME, stats.trades(), malformed == 0 ? "" : ", " + malformed + " malformed skipped",
                reconnects == 0 ? "" : ", " + reconnects + " reconnects", line.length() == 0 ? "" : " | " + line);
    }

    private static String backfill(SymbolProgress progress) {
        if (progress == null || progress.gapsFilled() == 0 && progress.gapsReported() == 0) {
            return "";
        }
        return String.format(" [%d gaps filled (%d trades from REST), %d reported]", progress.gapsFilled(),
                progress.backfilledTrades(), progress.gapsReported());
    }

    private void startHttp() {
        http = HealthServer.startConfigured(NAME, config, this::health, metrics::scrape, out).orElse(null);
    }
}
