package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.runtime.StreamsService;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.CrossoverReference.Output;
import dev.tickflow.testkit.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy service in-process, as {@code tickflow strategy} runs it ({@link StrategyApp} in a {@link StreamsService}), on a real broker and registry with exactly_once_v2. */
@WithKafka
@WithSchemaRegistry
class StrategyServiceIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void publishesTheExpectedSignalsAndOneSnapshotPerCandleAndInstance(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        StrategyFixture fixture = new StrategyFixture(broker, registry, topics, dir);
        StrategyScript script = StrategyScript.recent();
        Map<String, Output> expected = Map.of(
                StrategyScript.BTC, script.expected(StrategyScript.BTC, true),
                StrategyScript.ETH, script.expected(StrategyScript.ETH, true));
        int signalCount = expected.values().stream().mapToInt(output -> output.signals().size()).sum();
        int snapshotCount = expected.values().stream().mapToInt(output -> output.snapshots().size()).sum();
        String entryOfAInEth = expected.get(StrategyScript.ETH).signals().get(0).getSignalId();
        StringWriter output = new StringWriter();

        try (StreamsService service = new StreamsService(new StrategyApp(), fixture.config(), new PrintWriter(output, true),
                new PrintWriter(output, true))) {
            assertThat(service.properties())
                    .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                    .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
            assertThat(output.toString()).contains(
                    "strategy: 2 strategy instance(s) on " + fixture.candles + ", in this order:",
                    "  A: sma-ema-crossover(sma=10, ema=5, stop-loss=0.15), symbols *",
                    "  B: sma-ema-crossover(sma=10, ema=5, stop-loss=0.10), symbols *");
            service.start();
            await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            URI http = service.httpAddress().orElseThrow();

            fixture.produceCandles(script.candles(0, StrategyScript.ENTRY + 1));
            List<Signal> entries = fixture.read(fixture.signals, Signal.class,
                    read -> read.stream().anyMatch(signal -> signal.getSignalId().equals(entryOfAInEth)), Duration.ofSeconds(40), Duration.ZERO);
            assertThat(entries).extracting(Signal::getSignalId).as("A's entry in ETHUSDT").contains(entryOfAInEth);
            // A's fills are consumed before the candles after its entry exist, as in live trading
            fixture.awaitConsumed(fixture.produceFills(script.fillsOfAInEth()), Duration.ofSeconds(30));
            fixture.produceCandles(script.candles(StrategyScript.ENTRY + 1, StrategyScript.length()));

            List<Signal> signals = fixture.read(fixture.signals, Signal.class, read -> read.size() >= signalCount,
                    Duration.ofSeconds(40), Duration.ofSeconds(3));
            List<IndicatorSnapshot> snapshots = fixture.read(fixture.indicators, IndicatorSnapshot.class,
                    read -> read.size() >= snapshotCount, Duration.ofSeconds(20), Duration.ofSeconds(1));

            assertThat(signals).hasSize(signalCount);
            assertThat(snapshots).as("one per candle and instance").hasSize(snapshotCount);
            expected.forEach((symbol, symbolOutput) -> {
                assertThat(signals).filteredOn(signal -> signal.getSymbol().equals(symbol)).as("signals of %s", symbol)
                        .containsExactlyElementsOf(symbolOutput.signals());
                assertThat(snapshots).filteredOn(snapshot -> snapshot.getSymbol().equals(symbol)).as("snapshots of %s", symbol)
                        .containsExactlyElementsOf(symbolOutput.snapshots());
            });
            Signal stopOfAInEth = signals.stream().filter(signal -> signal.getSignalId().startsWith("A:ETHUSDT:")).toList().get(1);
            assertThat(stopOfAInEth.getReason().name()).isEqualTo("STOP_LOSS");
            assertThat(stopOfAInEth.getStopPrice()).as("85 %% of the fills' average price, 0.4 x 3244.5 + 0.6 x 3306.3")
                    .isEqualByComparingTo("2789.343");

            HttpResponse<String> health = get(http.resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}");
            HttpResponse<String> metrics = get(http.resolve("/metrics"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("kafka_stream_").contains("service=\"strategy\"");
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
