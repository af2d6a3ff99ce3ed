package dev.tickflow.bench.jmh;

import dev.tickflow.bench.Bench;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.ingest.IngestSettings;
import dev.tickflow.ingest.IngestStats;
import dev.tickflow.ingest.TradeSink;
import dev.tickflow.ingest.simulator.MarketGenerator;
import dev.tickflow.localstack.process.KafkaServerProcess;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.topics.TopicProvisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many trades per second one ingest writes: the simulator's generator alone ({@link #generateTrade}), and its
 * trades through the ingest's {@link TradeSink} (Avro on a mock:// registry, the idempotent producer with acks=all,
 * lz4 and linger.ms=5 as the ingest configures it) into a local broker in a JVM of its own, md.trades with its 6
 * partitions ({@link #writeTrades}). One operation is one trade.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IngestBenchmark {
    private static final int SYMBOLS = 20;
    private static final long START_MILLIS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    /** Trades per {@link #writeTrades} invocation, flushed at its end so that every one is acknowledged in the time measured. */
    private static final int WRITE_BATCH = 10_000;

    /** The simulator's market of {@value #SYMBOLS} symbols, unpaced. */
    @State(Scope.Thread)
    public static class Market {
        private MarketGenerator generator;

        @Setup
        public void openMarket() {
            generator = new MarketGenerator(1);
            for (int i = 0; i < SYMBOLS; i++) {
                generator.add("SYM" + i + "USDT", START_MILLIS);
            }
        }
    }

    /**
     * A broker (KRaft, one process, 512 MB heap) in a temporary directory and the ingest's sink on it. The trades,
     * from the simulator, are made once and cycle, so that only the sink and the broker are measured.
     */
    @State(Scope.Thread)
    public static class Sink {
        private static final int KAFKA_HEAP_MB = 512;
        private static final int CYCLE = 100 * WRITE_BATCH;

        private final String registryScope = "jmh-" + UUID.randomUUID();
        private Path dataDir;
        private KafkaServerProcess kafka;
        private IngestStats stats;
        private TradeSink sink;
        private Trade[] trades;
        private int next;
        private long written;

        @Setup
        public void startBroker() throws IOException {
            Market market = new Market();
            market.openMarket();
            trades = new Trade[CYCLE];
            for (int i = 0; i < CYCLE; i++) {
                trades[i] = market.generator.next();
            }
            dataDir = Files.createTempDirectory("tickflow-jmh-ingest-");
            kafka = KafkaServerProcess.start(dataDir, Bench.freePort(), Bench.freePort(), KAFKA_HEAP_MB);
            IngestSettings settings = IngestSettings.from(TickflowConfig.load(Optional.empty(), Map.of(
                    "TICKFLOW_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "TICKFLOW_SCHEMA_REGISTRY_URL", "mock://" + registryScope), IngestSettings.definition()));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(settings.topics().trades()));
            }
            stats = new IngestStats();
            sink = new TradeSink(settings, stats, failure -> { });
        }

        @TearDown
        public void stopBroker() {
            try {
                sink.close();
                if (stats.trades() != written) {
                    throw new IllegalStateException("The broker acknowledged " + stats.trades() + " of the " + written + " trades written");
                }
            } finally {
                kafka.close();
                MockSchemaRegistry.dropScope(registryScope);
                Bench.deleteRecursively(dataDir);
            }
        }

        void writeBatch() {
            for (int i = 0; i < WRITE_BATCH; i++) {
                sink.onTrade(trades[next]);
                next = (next + 1) % CYCLE;
            }
            sink.flush();
            if (sink.failure() != null) {
                throw sink.failure();
            }
            written += WRITE_BATCH;
        }
    }

    @Benchmark
    public Trade generateTrade(Market market) {
        return market.generator.next();
    }

    @Benchmark
    @OperationsPerInvocation(WRITE_BATCH)
    public void writeTrades(Sink sink) {
        sink.writeBatch();
    }
}
