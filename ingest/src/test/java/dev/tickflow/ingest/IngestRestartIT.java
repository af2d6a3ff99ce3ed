package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.localstack.process.KafkaServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker stops for a few seconds mid-stream and comes back: md.trades holds every trade once, in order. */
class IngestRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void everyTradeOnceAndInOrderAcrossABrokerRestart() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        String registry = IngestTestSupport.mockRegistry();
        IngestStats stats = new IngestStats();
        KafkaServerProcess kafka = KafkaServerProcess.start(dataDir, port, controllerPort, 384);
        IngestRunner runner = null;
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("md.trades", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            IngestSettings settings = IngestTestSupport.settings(Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "schema.registry.url", registry,
                    "ingest.source", "simulate",
                    "ingest.symbols", "BTCUSDT,ETHUSDT,SOLUSDT",
                    "ingest.simulator.speed", "120",
                    "ingest.give.up.ms", "60000",
                    "ingest.control.follow", "false"));
            runner = new IngestRunner(settings, stats, Duration.ofSeconds(60));
            runner.start();
            Thread.sleep(4_000);
            long beforeStop = stats.trades();
            kafka.close();
            Thread.sleep(1_000);
            long atStop = stats.trades();
            Thread.sleep(4_000);
            assertThat(runner.failure()).isNull();
            long whileDown = stats.trades();
            kafka = KafkaServerProcess.start(dataDir, port, controllerPort, 384);
            // on a loaded machine the producer may take a while to find the restarted broker's partitions again
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> stats.trades() > whileDown + 100);
            runner.close();
            assertThat(runner.failure()).isNull();
            assertThat(beforeStop).isPositive();
            assertThat(whileDown - atStop).as("acknowledged while the broker was down").isZero();
            assertThat(stats.trades()).isGreaterThan(whileDown);

            Map<String, List<Long>> ids = IngestTestSupport.idsBySymbol(
                    IngestTestSupport.readAll(kafka.bootstrapServers(), "md.trades", registry));
            assertThat(ids).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT");
            ids.forEach((symbol, list) -> assertThat(list).as(symbol)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, stats.of(symbol).trades()).boxed().toList()));
        } finally {
            if (runner != null) {
                runner.close();
            }
            kafka.close();
        }
    }

    @Test
    void aBrokerDownLongerThanTheGiveUpTimeStopsIngestWithAClearError() throws Exception {
        int port = freePort();
        String registry = IngestTestSupport.mockRegistry();
        KafkaServerProcess kafka = KafkaServerProcess.start(dataDir, port, freePort(), 384);
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("md.trades", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            IngestSettings settings = IngestTestSupport.settings(Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "schema.registry.url", registry,
                    "ingest.symbols", "BTCUSDT",
                    "ingest.simulator.speed", "60",
                    "ingest.give.up.ms", "3000",
                    "ingest.control.follow", "false"));
            try (IngestRunner runner = new IngestRunner(settings, new IngestStats(), Duration.ofSeconds(2))) {
                runner.start();
                Thread.sleep(2_000);
                kafka.close();
                assertThat(runner.awaitTermination(20, TimeUnit.SECONDS)).as("ingest stopped by itself").isTrue();
                assertThat(runner.awaitTermination()).isEqualTo(IngestRunner.EXIT_FAILED);
                assertThat(runner.failure().getMessage()).contains("of BTCUSDT could not be written to md.trades on "
                        + kafka.bootstrapServers() + " within 3000 ms (ingest.give.up.ms");
            }
        } finally {
            kafka.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
