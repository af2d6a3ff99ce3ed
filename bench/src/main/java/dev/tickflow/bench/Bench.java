package dev.tickflow.bench;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.localstack.process.KafkaServerProcess;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.topics.HopStamps;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicProvisioner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One benchmark run: a real broker process in a work directory, simulated trades pre-produced to md.trades (Avro
 * through an in-process {@code mock://} registry, private to the run), the throughput ladder on that topic
 * ({@link ThroughputLadder}: Kafka's ConsumerPerformance, a consumer decoding Avro, a no-op exactly_once_v2 topology,
 * the DSL 1-minute OHLC and the aggregation topology in KafkaStreams, medians over rounds), the live close-to-order
 * latency ({@link LatencyBench}: aggregate, strategy and executor in KafkaStreams on the same broker, fed in real
 * time), then the backtest on simulated trades of one symbol.
 * Ends with the {@code bench:} line.
 */
public final class Bench {
    private static final int KAFKA_HEAP_MB = 1024;

    private final long trades;
    private final int symbols;
    private final long backtestTrades;
    private final int streamThreads;
    private final int latencySymbols;
    private final int latencyMinutes;
    private final Path workDir;
    private final PrintWriter out;
    private int ladderRounds = 3;
    private boolean ladderOnly;
    private boolean latencyOnly;

    /** @param workDir where the broker's data and the backtest files go; null for a temporary directory deleted at the end */
    public Bench(long trades, int symbols, long backtestTrades, int streamThreads, int latencySymbols, int latencyMinutes, Path workDir,
                 PrintWriter out) {
        this.trades = trades;
        this.symbols = symbols;
        this.backtestTrades = backtestTrades;
        this.streamThreads = streamThreads;
        this.latencySymbols = latencySymbols;
        this.latencyMinutes = latencyMinutes;
        this.workDir = workDir;
        this.out = out;
    }

    /** Rounds of the throughput ladder ({@link ThroughputLadder}, medians over them); {@code only}: the ladder alone, no latency or backtest run. */
    public Bench ladder(int rounds, boolean only) {
        if (rounds < 1) {
            throw new IllegalArgumentException("ladder rounds must be at least 1, not " + rounds);
        }
        this.ladderRounds = rounds;
        this.ladderOnly = only;
        return this;
    }

    /** {@code only}: the live latency run alone (no ladder or backtest), ending with its {@code latency hops:} line. */
    public Bench latencyOnly(boolean only) {
        this.latencyOnly = only;
        return this;
    }

    /**
     * The figures of one run. Latency figures are null when the latency run is skipped; throughputs are the ladder's
     * medians; {@code hopMillis}: p50 and p99 of each hop ({@link #HOPS}) by field name, in order, null when not measured.
     */
    public record Figures(double aggregateTps, double rawConsumerRps, double backtestTps, double backtestWarmUpTps, double backtestCachedTps,
                          Double closeToOrderP50Ms, Double closeToOrderP99Ms, double noopEosTps, double dslTps, Map<String, Double> hopMillis) {
        public double ratio() {
            return aggregateTps / rawConsumerRps;
        }

        public String line() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "bench: aggregate_tps=%.0f raw_consumer_rps=%.0f ratio=%.2f backtest_tps=%.0f "
                    + "backtest_warmup_tps=%.0f backtest_cached_tps=%.0f close_to_order_p50_ms=%s close_to_order_p99_ms=%s "
                    + "noop_eos_tps=%.0f dsl_tps=%.0f", aggregateTps, rawConsumerRps, ratio(), backtestTps, backtestWarmUpTps,
                    backtestCachedTps, millis(closeToOrderP50Ms), millis(closeToOrderP99Ms), noopEosTps, dslTps));
            hopMillis.forEach((field, value) -> line.append(' ').append(field).append('=').append(millis(value)));
            return line.toString();
        }

        private static String millis(Double value) {
            return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    /** The hops the bench line reports (close-to-order, their sum, is its own field). */
    static final List<HopStamps.Hop> HOPS = List.of(HopStamps.Hop.CLOSE_TO_CANDLE, HopStamps.Hop.CANDLE_TO_SIGNAL,
            HopStamps.Hop.SIGNAL_TO_EXECUTOR, HopStamps.Hop.EXECUTOR_TO_PLACED);

    /** {@code <hop>_p50_ms} and {@code <hop>_p99_ms} of each of {@link #HOPS}, null where the run has no figure. */
    static Map<String, Double> hopFields(LatencyBench.Result latency) {
        Map<String, Double> fields = new LinkedHashMap<>();
        for (HopStamps.Hop hop : HOPS) {
            LatencyBench.Percentiles figures = latency == null ? null : latency.hops().get(hop);
            String name = hop.label().replace('-', '_');
            fields.put(name + "_p50_ms", figures == null ? null : figures.p50Ms());
            fields.put(name + "_p99_ms", figures == null ? null : figures.p99Ms());
        }
        return fields;
    }

    /** Runs the bench; returns null with {@link #ladder ladder only}, which prints the ladder's line instead of the bench line. */
    public Figures run() throws IOException {
        boolean temporary = workDir == null;
        Path dir = temporary ? Files.createTempDirectory("tickflow-bench-") : Files.createDirectories(workDir);
        String scope = "bench-" + UUID.randomUUID();
        try {
            if (latencyOnly) {
                out.printf(Locale.ROOT, "bench: the live latency run only, %d symbols, %d minute(s); work dir %s%n", latencySymbols, latencyMinutes, dir);
            } else {
                out.printf(Locale.ROOT, "bench: %,d trades over %d symbols for the aggregation, %,d for the backtest; work dir %s%n", trades,
                        symbols, backtestTrades, dir);
            }
            out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
            Map<String, Object> serdeConfig = Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, "mock://" + scope);
            AggregateBench.Result aggregate;
            ThroughputLadder.Result ladder;
            LatencyBench.Result latency = null;
            try (KafkaServerProcess kafka = step("Kafka broker (KRaft, one process)",
                    () -> KafkaServerProcess.start(dir.resolve("kafka"), freePort(), freePort(), KAFKA_HEAP_MB))) {
                String bootstrap = kafka.bootstrapServers();
                step("topics", () -> {
                    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                        return new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicCatalog.defaults().all());
                    }
                });
                if (latencyOnly) {
                    runLatency(bootstrap, serdeConfig, dir);
                    return null;
                }
                AggregateBench bench = new AggregateBench(bootstrap, serdeConfig, out);
                // recent trade times: md.trades deletes by record time after 7 days, and would do so while the bench reads
                long hour = 3_600_000L;
                long start = (System.currentTimeMillis() - BenchTrades.spanMillis(trades, symbols)) / hour * hour - hour;
                Duration produced = bench.produce(new BenchTrades(trades, symbols, 1, start), trades);
                out.printf(Locale.ROOT, "produce: %,d trades in %.1f s (%,.0f/s)%n", trades, AggregateBench.seconds(produced),
                        trades / AggregateBench.seconds(produced));
                ladder = new ThroughputLadder(bootstrap, serdeConfig, bench, dir.resolve("streams-state"), streamThreads, out)
                        .run(ladderRounds, trades, produced);
                aggregate = ladder.first();
                out.printf(Locale.ROOT, "aggregate: %,d trades in %.1f s in round 1 (%,.0f trades/s; the median of the rounds is the ladder's),"
                        + " %,d 1m candles, %,d late trades%n", aggregate.trades(), AggregateBench.seconds(aggregate.aggregate()),
                        aggregate.tradesPerSecond(), aggregate.candles1m(), aggregate.lateTrades());
                ladder.aims().forEach(aim -> out.println("ladder: " + aim));
                out.println(ladder.line());
                out.flush();
                if (ladderOnly) {
                    return null;
                }
                if (latencyMinutes > 0) {
                    latency = runLatency(bootstrap, serdeConfig, dir);
                }
            }
            out.println("backtest: " + backtestTrades + " trades of " + BacktestBench.SYMBOL + " through tickflow backtest ...");
            out.flush();
            Path backtestDir = Files.createDirectories(dir.resolve("backtest"));
            BacktestBench.Result backtest = BacktestBench.run(backtestTrades, backtestDir, out);
            backtest.backtest().summary().forEach(line -> out.println("  " + line));
            out.printf(Locale.ROOT, "backtest: %,d trades; warm-up %.2f s (%,.0f trades/s); warm, median of %d: %.2f s (%,.0f trades/s), "
                    + "from the trade cache %.2f s (%,.0f trades/s)%n", backtest.trades(), AggregateBench.seconds(backtest.warmUp()),
                    backtest.warmUpTradesPerSecond(), BacktestBench.MEASURED_ROUNDS, AggregateBench.seconds(backtest.steady()),
                    backtest.tradesPerSecond(), AggregateBench.seconds(backtest.cached()), backtest.cachedTradesPerSecond());
            Figures figures = new Figures(ladder.tickflowTps(), ladder.rawConsumerRps(), backtest.tradesPerSecond(),
                    backtest.warmUpTradesPerSecond(), backtest.cachedTradesPerSecond(),
                    latency == null ? null : latency.p50Ms(), latency == null ? null : latency.p99Ms(), ladder.noopEosTps(), ladder.dslTps(),
                    hopFields(latency));
            out.println(figures.line());
            out.flush();
            return figures;
        } finally {
            MockSchemaRegistry.dropScope(scope);
            if (temporary) {
                deleteRecursively(dir);
            }
        }
    }

    private LatencyBench.Result runLatency(String bootstrap, Map<String, Object> serdeConfig, Path dir) {
        LatencyBench.Result latency = LatencyBench.run(bootstrap, serdeConfig, latencySymbols, latencyMinutes, dir.resolve("latency-state"), out);
        out.printf(Locale.ROOT, "latency: %,d orders, close (minute end + grace) to order at the paper broker: p50 %.0f ms, "
                + "p99 %.0f ms, max %.0f ms%n", latency.orders(), latency.p50Ms(), latency.p99Ms(), latency.maxMs());
        out.println("latency hops: " + latency.hopsLine());
        out.println("latency by minute: " + latency.byMinuteLine());
        out.flush();
        return latency;
    }

    private <T> T step(String what, Supplier<T> action) {
        out.printf("%s ... ", what);
        out.flush();
        long start = System.nanoTime();
        T result = action.get();
        out.printf(Locale.ROOT, "ready (%.1f s)%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return result;
    }

    /** A free port on 127.0.0.1, for a broker of the benchmarks. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /** Deletes a benchmark's temporary directory, quietly: a leftover is harmless. */
    public static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
