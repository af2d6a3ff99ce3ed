package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.cli.service.IngestService;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.ingest.IngestSettings;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.ReferenceData;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@WithKafka
class IngestServiceIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void servesHealthAndPerSymbolMetricsWhileSimulating(KafkaBroker broker, TestTopics topics) throws Exception {
        String trades = topics.create("md.trades", 3);
        String control = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        TickflowConfig config = TickflowConfig.load(Optional.of(properties(broker, trades, control, "ingest.symbols=BTCUSDT,ETHUSDT\ningest.simulator.speed=60\n")),
                Map.of(), IngestSettings.definition());
        StringWriter out = new StringWriter();
        try (IngestService service = new IngestService(config, new PrintWriter(out, true), new PrintWriter(out, true))) {
            service.start();
            URI http = service.httpAddress().orElseThrow();
            assertThat(out.toString()).contains("ingest: health on " + http + "/health");
            await().atMost(Duration.ofSeconds(20)).until(() -> service.stats().of("ETHUSDT").trades() > 10);
            HttpResponse<String> health = get(http.resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            String metrics = get(http.resolve("/metrics")).body();
            assertThat(metrics).contains("tickflow_ingest_trades_total{service=\"ingest\",symbol=\"BTCUSDT\"}",
                    "tickflow_ingest_trades_total{service=\"ingest\",symbol=\"ETHUSDT\"}", "tickflow_ingest_gaps_total",
                    "tickflow_ingest_malformed_total");
        }
    }

    @Test
    void theCommandReplaysAFileAndExitsZero(KafkaBroker broker, TestTopics topics) throws Exception {
        Path file = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-aggTrades-2019-10-11_13.csv");
        String trades = topics.create("md.trades", 3);
        String control = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        Path config = properties(broker, trades, control, "http.port=-1\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TickflowCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute("ingest", "--config", config.toString(), "--replay", file.toString());
        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ingest.source=replay", "ingest.replay.files=[" + file + "]");

        var partitions = broker.admin().describeTopics(java.util.List.of(trades)).allTopicNames().get().get(trades).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> new TopicPartition(trades, p.partition()), p -> OffsetSpec.latest()));
        long written = broker.admin().listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        assertThat(written).isEqualTo(12_477);
    }

    private Path properties(KafkaBroker broker, String trades, String control, String extra) throws Exception {
        return Files.writeString(dir.resolve("ingest-" + UUID.randomUUID() + ".properties"), String.join("\n",
                "kafka.bootstrap.servers=" + broker.bootstrapServers(),
                "schema.registry.url=mock://ingest-service-" + UUID.randomUUID(),
                "http.port=0",
                "topic.md.trades.name=" + trades,
                "topic.control.symbols.name=" + control, "") + extra);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
