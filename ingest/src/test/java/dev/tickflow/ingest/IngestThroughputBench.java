package dev.tickflow.ingest;

import dev.tickflow.ingest.simulator.MarketGenerator;
import dev.tickflow.localstack.process.KafkaServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many trades per second one ingest writes: the simulator's generator, unpaced, into the {@link TradeSink}
 * (Avro, idempotent producer, acks=all, lz4) and a local broker in its own JVM. Not part of the build's tests (the
 * name matches neither *Test nor *IT); run it with
 * {@code ./mvnw -B -o -pl ingest -am test -Dtest=IngestThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IngestThroughputBench {
    private static final int SYMBOLS = 20;
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 1_000_000;

    @TempDir
    Path dataDir;

    @Test
    void tradesPerSecond() throws Exception {
        try (KafkaServerProcess kafka = KafkaServerProcess.start(dataDir, freePort(), freePort(), 512)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("md.trades", 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            IngestSettings settings = IngestTestSupport.settings(Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "schema.registry.url", IngestTestSupport.mockRegistry()));
            MarketGenerator generator = new MarketGenerator(1);
            for (int i = 0; i < SYMBOLS; i++) {
                generator.add("SYM" + i + "USDT", Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
            }
            long generateStart = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                generator.next();
            }
            double generatorRate = MEASURED / ((System.nanoTime() - generateStart) / 1e9);

            IngestStats stats = new IngestStats();
            try (TradeSink sink = new TradeSink(settings, stats, failure -> { })) {
                for (int i = 0; i < WARM_UP; i++) {
                    sink.onTrade(generator.next());
                }
                sink.flush();
                long start = System.nanoTime();
                for (int i = 0; i < MEASURED; i++) {
                    sink.onTrade(generator.next());
                }
                sink.flush();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%nINGEST BENCH: generator alone %.0f trades/s; generator + sink + broker: %d trades in %.2f s = %.0f trades/s"
                                + " (%d symbols, all acknowledged: %b)%n",
                        generatorRate, MEASURED, seconds, MEASURED / seconds, SYMBOLS, stats.trades() == WARM_UP + MEASURED);
            }
        }
        Thread.sleep(Duration.ofMillis(100).toMillis());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
