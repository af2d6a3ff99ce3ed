package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest service in-process, as {@code tickflow ingest} runs it, on a real broker. */
@WithKafka
class IngestServiceIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void servesHealthAndPerSymbolMetricsWhileSimulating(KafkaBroker broker, TestTopics topics) throws Exception {
        String trades = topics.create("md.trades", 3);
        String control = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        Path file = IngestTestSupport.serviceConfig(dir.resolve("ingest.properties"), broker.bootstrapServers(), trades, control,
                "ingest.symbols=BTCUSDT,ETHUSDT", "ingest.simulator.speed=60");
        TickflowConfig config = TickflowConfig.load(Optional.of(file), Map.of(), IngestSettings.definition());
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

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
