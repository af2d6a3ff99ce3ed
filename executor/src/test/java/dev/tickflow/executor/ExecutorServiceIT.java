package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.runtime.fixtures.Endpoints;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor service in-process, as {@code tickflow executor} runs it ({@link ExecutorApp} in a {@link StreamsService}) with the paper broker, on a real broker and registry with exactly_once_v2. */
@WithKafka
@WithSchemaRegistry
class ExecutorServiceIT {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSignalBecomesAnOrderAFillAndAPosition(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir);
        StringWriter output = new StringWriter();

        try (StreamsService service = new StreamsService(new ExecutorApp(), fixture.config(Map.of()), new PrintWriter(output, true),
                new PrintWriter(output, true))) {
            assertThat(service.properties()).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            assertThat(output.toString()).contains("executor: broker paper, MARKET orders, from " + fixture.signals + " and " + fixture.trades);
            service.start();
            await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);

            fixture.produceTrade(ExecutorFixture.trade("50000", START.plusSeconds(30)));
            // paper fills at the signal's price (its candle's close, the last trade of the minute): see docs/executor.md
            Signal entry = ExecutorFixture.signal(START, TargetPosition.LONG, "50000");
            fixture.produceSignal(entry);
            fixture.produceSignal(entry);
            Signal exit = ExecutorFixture.signal(START.plusSeconds(120), TargetPosition.FLAT, "51000");
            fixture.produceTrade(ExecutorFixture.trade("51000", START.plusSeconds(150)));
            fixture.produceSignal(exit);

            List<OrderEvent> orderEvents = read(fixture, fixture.orders, OrderEvent.class, read -> read.size() >= 2);
            assertThat(orderEvents).as("the duplicate entry signal orders nothing").hasSize(2);
            assertThat(orderEvents).extracting(OrderEvent::getClientOrderId)
                    .containsExactly(ClientOrderIds.of(entry.getSignalId()), ClientOrderIds.of(exit.getSignalId()));
            assertThat(orderEvents).extracting(OrderEvent::getStatus).containsOnly(OrderStatus.FILLED);
            assertThat(orderEvents).extracting(OrderEvent::getSide).containsExactly(OrderSide.BUY, OrderSide.SELL);

            List<Fill> fillRecords = read(fixture, fixture.fills, Fill.class, read -> read.size() >= 2);
            assertThat(fillRecords).extracting(fill -> fill.getPrice().stripTrailingZeros().toPlainString()).containsExactly("50000", "51000");
            assertThat(fillRecords).extracting(fill -> fill.getCommission().stripTrailingZeros().toPlainString())
                    .as("0.1 %% of 50 and of 51").containsExactly("0.05", "0.051");

            List<Position> positionRecords = read(fixture, fixture.positions, Position.class,
                    read -> read.stream().anyMatch(p -> p.getQuantity().signum() == 0));
            Position last = positionRecords.get(positionRecords.size() - 1);
            assertThat(last.getQuantity()).isEqualByComparingTo("0");
            assertThat(last.getRealizedPnl()).as("(51000 - 50000) x 0.001").isEqualByComparingTo("1");
            assertThat(last.getFees()).isEqualByComparingTo("0.101");

            Endpoints.assertServingRunning(service.httpAddress().orElseThrow(), "executor");
        }
    }

    /** Reads a topic from the beginning, read_committed, until {@code done} holds and 2 s more passed (to catch duplicates), or 40 s. */
    private static <T> List<T> read(ExecutorFixture fixture, String topic, Class<T> type, Predicate<List<T>> done) {
        return fixture.read(topic, type, done, Duration.ofSeconds(40), Duration.ofSeconds(2));
    }
}
