package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.runtime.fixtures.RestartHarness;
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
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import dev.tickflow.testkit.binance.FakeSpotExchange.Fault;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor with {@code executor.broker=binance} as a separate JVM, killed with SIGKILL while the fake exchange (in this
 * JVM) holds back its answer to an order it has already placed: the order exists on the exchange, the Kafka
 * transaction that would have published it never commits. After a restart the signal is processed again, the
 * executor finds the order by its client order id instead of placing it again, and publishes it, its fills and the
 * position exactly once. A later FLAT signal closes the position with the right realized PnL.
 */
@WithKafka
@WithSchemaRegistry
class ExecutorCrashIT {

    @TempDir
    Path dir;

    @Test
    void killedBetweenPlacingAndCommittingTheOrderExistsOnceAndIsPublishedOnce(KafkaBroker broker, ApicurioRegistry registry,
                                                                               TestTopics topics) throws Exception {
        try (FakeBinance fake = new FakeBinance(); RestartHarness service = new RestartHarness(new ExecutorApp(), topics.name("executor"))) {
            FakeSpotExchange exchange = fake.spot();
            // the first order is placed and its answer held back for 20 s (the executor waits up to 120 s): the test kills
            // the executor within a moment of the placement; the held answer ends before the fake is closed
            exchange.responseDelay(Duration.ofSeconds(20)).inject(Fault.TIMEOUT_AFTER_PLACING, 1);
            ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir).onBinanceProcess(fake.restUrl());
            Path config = fixture.writeConfig("executor.properties");

            service.start(config);
            // signals of the current minute: the executor refuses signals older than two minutes by default
            Signal entry = ExecutorFixture.signal(Instant.now().minusMillis(59_999), TargetPosition.LONG, "60000");
            String entryId = ClientOrderIds.of(entry.getSignalId());
            fixture.produceSignal(entry);

            await().atMost(Duration.ofSeconds(40)).until(() -> exchange.order(entryId).isPresent());
            String beforeKill = service.kill();

            assertThat(beforeKill).as("startup dump").contains("executor.binance.api.key=[hidden]")
                    .doesNotContain(FakeSpotExchange.DEFAULT_API_KEY).doesNotContain(FakeSpotExchange.DEFAULT_SECRET);
            assertThat(fixture.read(fixture.orders, OrderEvent.class, read -> true, Duration.ofSeconds(3), Duration.ofSeconds(2)))
                    .as("nothing committed by the killed executor").isEmpty();
            assertThat(exchange.order(entryId).orElseThrow().status()).isEqualTo("FILLED");

            service.start(config);
            List<OrderEvent> events = fixture.read(fixture.orders, OrderEvent.class,
                    read -> read.stream().anyMatch(e -> e.getClientOrderId().equals(entryId)), Duration.ofSeconds(60), Duration.ofSeconds(3));
            assertThat(events).as("order events after the restart; log:%n%s", service.tail())
                    .extracting(OrderEvent::getClientOrderId, OrderEvent::getStatus)
                    .containsExactly(tuple(entryId, OrderStatus.FILLED));
            FakeSpotExchange.Order placed = exchange.order(entryId).orElseThrow();
            assertThat(exchange.orders()).as("one order on the exchange").containsOnlyKeys(entryId);
            assertThat(placements(exchange, entryId)).as("placed once, looked up after the restart").isEqualTo(1);
            assertThat(events.get(0).getExchangeOrderId()).isEqualTo(Long.toString(placed.orderId()));
            assertThat(events.get(0).getFilledQuantity()).isEqualByComparingTo("0.001");

            List<Fill> fills = fixture.read(fixture.fills, Fill.class, read -> !read.isEmpty(), Duration.ofSeconds(30), Duration.ofSeconds(2));
            assertThat(fills).as("exactly the exchange's fills, once").hasSize(placed.trades().size()).hasSize(1);
            assertThat(fills.get(0).getTradeId()).isEqualTo(Long.toString(placed.trades().get(0).id()));
            assertThat(fills.get(0).getPrice()).isEqualByComparingTo("60000");
            assertThat(fills.get(0).getQuantity()).isEqualByComparingTo("0.001");
            assertThat(fills.get(0).getCommission()).isEqualByComparingTo(placed.trades().get(0).commission()).isEqualByComparingTo("0.000001");

            Position opened = latestPosition(fixture, p -> p.getQuantity().signum() > 0);
            assertThat(opened.getQuantity()).as("0.001 bought, 0.000001 BTC commission taken from it").isEqualByComparingTo("0.000999");
            assertThat(opened.getAverageEntryPrice()).isEqualByComparingTo("60000");
            assertThat(opened.getFees()).as("0.000001 BTC at 60000").isEqualByComparingTo("0.06");
            assertThat(opened.getRealizedPnl()).isEqualByComparingTo("0");

            // after the restart: FLAT sells what is held, rounded down to the step size 0.00001
            exchange.price(ExecutorFixture.SYMBOL, new BigDecimal("61000.00"));
            Signal exit = ExecutorFixture.signal(Instant.now().minusMillis(59_999), TargetPosition.FLAT, "61000");
            String exitId = ClientOrderIds.of(exit.getSignalId());
            fixture.produceSignal(exit);
            List<OrderEvent> afterExit = fixture.read(fixture.orders, OrderEvent.class,
                    read -> read.stream().anyMatch(e -> e.getClientOrderId().equals(exitId)), Duration.ofSeconds(40), Duration.ofSeconds(2));
            assertThat(afterExit).extracting(OrderEvent::getClientOrderId, OrderEvent::getStatus).containsExactly(
                    tuple(entryId, OrderStatus.FILLED), tuple(exitId, OrderStatus.FILLED));
            assertThat(afterExit.get(1).getSide()).isEqualTo(OrderSide.SELL);
            assertThat(exchange.order(exitId).orElseThrow().quantity()).isEqualByComparingTo("0.00099");
            assertThat(placements(exchange, exitId)).isEqualTo(1);

            Position closed = latestPosition(fixture, p -> p.getRealizedPnl().signum() != 0);
            assertThat(closed.getRealizedPnl()).as("(61000 - 60000) x 0.00099").isEqualByComparingTo("0.99");
            assertThat(closed.getFees()).as("0.06 + 0.00099 x 61000 x 0.001 USDT").isEqualByComparingTo("0.12039");
            assertThat(closed.getQuantity()).as("what is below the step size stays").isEqualByComparingTo("0.000009");
            assertThat(closed.getAverageEntryPrice()).isEqualByComparingTo("60000");
            assertThat(fixture.read(fixture.fills, Fill.class, read -> read.size() >= 2, Duration.ofSeconds(30), Duration.ofSeconds(2)))
                    .hasSize(2);

            assertThat(service.stop())
                    .doesNotContain(FakeSpotExchange.DEFAULT_API_KEY).doesNotContain(FakeSpotExchange.DEFAULT_SECRET);
        }
    }

    /** The latest record of A:BTCUSDT on oms.positions, once one matching {@code until} was published. */
    private static Position latestPosition(ExecutorFixture fixture, Predicate<Position> until) {
        List<Position> positions = fixture.read(fixture.positions, Position.class, read -> read.stream().anyMatch(until),
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        List<Position> ofA = positions.stream().filter(p -> p.getStrategyInstance().equals(ExecutorFixture.INSTANCE)).toList();
        assertThat(ofA).as("positions of A").isNotEmpty();
        return ofA.get(ofA.size() - 1);
    }

    private static long placements(FakeSpotExchange exchange, String clientOrderId) {
        return exchange.requests("POST", "/api/v3/order").stream()
                .filter(r -> clientOrderId.equals(r.params().get("newClientOrderId"))).count();
    }
}
