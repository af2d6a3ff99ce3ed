package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.aggregate.TradeScript.Key;
import dev.tickflow.aggregate.TradeScript.Summary;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.runtime.fixtures.Endpoints;
import dev.tickflow.schema.Candle;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregate service in-process, as {@code tickflow aggregate} runs it ({@link AggregateApp} in a {@link StreamsService}), on a real broker and registry with exactly_once_v2. */
@WithKafka
@WithSchemaRegistry
class AggregateServiceIT {
    @TempDir
    Path dir;

    @Test
    void publishesEachFinalCandleOnceAndDeadLettersPoisonWithHealthAndMetrics(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        AggregateServiceFixture fixture = new AggregateServiceFixture(broker, registry, topics, dir);
        TradeScript script = new TradeScript(Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES), 5, 42);
        Map<Key, Summary> expected = script.expectedCandles();
        StringWriter output = new StringWriter();

        try (StreamsService service = new StreamsService(new AggregateApp(), fixture.config(), new PrintWriter(output, true),
                new PrintWriter(output, true))) {
            assertThat(service.properties()).containsEntry("processing.guarantee", "exactly_once_v2");
            service.start();
            await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            URI http = service.httpAddress().orElseThrow();

            byte[] poison = "not a trade".getBytes(StandardCharsets.UTF_8);
            fixture.produceRaw("BTCUSDT", poison);
            fixture.produce(script.all());
            List<Candle> candles = fixture.readCandles(CandleAssertions.containsAll(expected), Duration.ofSeconds(40), Duration.ofSeconds(3));

            CandleAssertions.assertExactly(candles, expected);
            assertThat(expected.values()).filteredOn(Summary::filled).as("flat candles: gaps and the last minute").hasSize(6);

            List<ConsumerRecord<byte[], byte[]>> deadLetters = fixture.readDeadLetters(1, Duration.ofSeconds(20));
            assertThat(deadLetters).as("the poison record, in the dead-letter topic under exactly_once_v2").hasSize(1);
            assertThat(deadLetters.get(0).value()).isEqualTo(poison);
            assertThat(new String(deadLetters.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("BTCUSDT");
            assertThat(deadLetters.get(0).headers().lastHeader("__streams.errors.message")).as("error headers").isNotNull();
            assertThat(new String(deadLetters.get(0).headers().lastHeader("__streams.errors.topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(fixture.trades);

            Endpoints.assertServingRunning(http, "aggregate");
        }
    }
}
