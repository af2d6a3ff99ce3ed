package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.runtime.RegistryAwareDeserializationHandler;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.runtime.fixtures.Endpoints;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy service in-process, as {@code tickflow strategy} runs it ({@link StrategyApp} in a {@link StreamsService}), on a real broker and registry with exactly_once_v2. */
@WithKafka
@WithSchemaRegistry
class StrategyServiceIT {
    @TempDir
    Path dir;

    @Test
    void publishesTheExpectedSignalsAndOneSnapshotPerCandleAndInstance(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        StrategyFixture fixture = new StrategyFixture(broker, registry, topics, dir);
        StrategyScript script = StrategyScript.recent();
        ExpectedOutput expected = ExpectedOutput.of(script);
        int signalCount = expected.signalCount();
        int snapshotCount = expected.snapshotCount();
        String entryOfAInEth = expected.bySymbol().get(StrategyScript.ETH).signals().get(0).getSignalId();
        StringWriter output = new StringWriter();

        try (StreamsService service = new StreamsService(new StrategyApp(), fixture.config(), new PrintWriter(output, true),
                new PrintWriter(output, true))) {
            assertThat(service.properties())
                    .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                    .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class.getName());
            assertThat(output.toString()).contains(
                    "strategy: 2 strategy instance(s) on " + fixture.candles + ", in this order:",
                    "  A: sma-ema-crossover(sma=10, ema=5, stop-loss=0.15, stop-trigger=low), symbols *",
                    "  B: sma-ema-crossover(sma=10, ema=5, stop-loss=0.10, stop-trigger=low), symbols *");
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
            expected.assertPublished(signals, snapshots);
            Signal stopOfAInEth = signals.stream().filter(signal -> signal.getSignalId().startsWith("A:ETHUSDT:")).toList().get(1);
            assertThat(stopOfAInEth.getReason().name()).isEqualTo("STOP_LOSS");
            assertThat(stopOfAInEth.getStopPrice()).as("85 %% of the fills' average price, 0.4 x 3244.5 + 0.6 x 3306.3")
                    .isEqualByComparingTo("2789.343");

            Endpoints.assertServingRunning(http, "strategy");
        }
    }
}
