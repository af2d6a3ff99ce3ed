package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.reconcile.ReconcileSettings;
import dev.tickflow.executor.reconcile.Reconciler;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation with the account on the fake exchange (real connector, real broker and registry, exactly_once_v2):
 * LIMIT orders rest 1 % below the market; the refresh of resting orders is set to ten minutes, so what the executor
 * learns of them here it learns from reconciliation (the user-data stream, its resubscriptions and the REST snapshot).
 */
@WithKafka
@WithSchemaRegistry
class ExecutorReconcileIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String KIND = Reconciler.KIND;

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void anOrderFilledWhileTheExecutorIsDownIsAppliedOnceAfterTheRestartAndASaleByHandCorrectsThePosition(
            KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        try (FakeBinance fake = new FakeBinance()) {
            FakeSpotExchange exchange = fake.spot().deposit("USDT", new BigDecimal("10000"));
            ExecutorFixture fixture = fixture(broker, registry, topics, fake);
            Signal entry = signal("A");
            String id = ClientOrderIds.of(entry.getSignalId());

            try (StreamsService service = running(fixture, "state-before")) {
                fixture.produceSignal(entry);
                fixture.awaitEvent(entry, OrderStatus.NEW, WAIT);
            }
            exchange.price("BTCUSDT", new BigDecimal("59000.00")); // the resting BUY at 59400 fills while nobody listens
            assertThat(exchange.order(id).orElseThrow().status()).isEqualTo("FILLED");

            try (StreamsService service = running(fixture, "state-after")) {
                fixture.awaitEvent(entry, OrderStatus.FILLED, WAIT);
                OperationalEvent filled = awaitOps(fixture, e -> ("reconcile-order-" + id + "-filled").equals(e.getEventId()));
                assertThat(String.valueOf(filled.getSeverity())).isEqualTo("INFO");
                assertThat(filled.getDetails()).containsEntry("fillsApplied", "1");
                Position held = latestPosition(fixture, p -> p.getQuantity().compareTo(new BigDecimal("0.000999")) == 0);
                assertThat(held.getAverageEntryPrice()).isEqualByComparingTo("59400");

                Thread.sleep(3_000); // reconciliation's first two rounds fix what of BTC is not the executor's (none)
                exchange.marketOrderByHand("BTCUSDT", "SELL", new BigDecimal("0.0005"));

                OperationalEvent sold = awaitOps(fixture, e -> "balance-fell".equals(e.getDetails().get("difference")));
                assertThat(String.valueOf(sold.getSeverity())).isEqualTo("WARNING");
                assertThat(sold.getStrategyInstance()).isEqualTo("A");
                assertThat(sold.getDetails()).containsEntry("asset", "BTC");
                assertThat(new BigDecimal(sold.getDetails().get("actual"))).isEqualByComparingTo("0.000499");
                Position corrected = latestPosition(fixture, p -> p.getQuantity().compareTo(new BigDecimal("0.000499")) == 0);
                assertThat(corrected.getRealizedPnl()).as("0.0005 sold at the last price known, the entry's").isEqualByComparingTo("0");
            }

            List<Fill> fills = fixture.read(fixture.fills, Fill.class, read -> !read.isEmpty(), WAIT, Duration.ofSeconds(2));
            assertThat(fills).as("the fill made while the executor was down, once").hasSize(1);
            assertThat(fills.get(0).getPrice()).isEqualByComparingTo("59400");
            List<OrderEvent> events = fixture.read(fixture.orders, OrderEvent.class, read -> read.size() >= 2, WAIT, Duration.ofSeconds(2));
            assertThat(events).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.NEW, OrderStatus.FILLED);
            assertThat(exchange.placements(id)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(240)
    void aCancelByHandIsNoticedAndAFillLostWithADroppedStreamIsAppliedOnceAfterItResubscribes(
            KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        try (FakeBinance fake = new FakeBinance()) {
            FakeSpotExchange exchange = fake.spot().deposit("USDT", new BigDecimal("10000"));
            ExecutorFixture fixture = fixture(broker, registry, topics, fake);
            Signal first = signal("A");
            Signal second = signal("B");
            String firstId = ClientOrderIds.of(first.getSignalId());

            try (StreamsService service = running(fixture, "state")) {
                await().atMost(WAIT).until(() -> exchange.userDataStream().subscribed() == 1);
                fixture.produceSignal(first);
                fixture.awaitEvent(first, OrderStatus.NEW, WAIT);

                exchange.cancelByHand(firstId);
                OrderEvent canceled = fixture.awaitEvent(first, OrderStatus.CANCELED, WAIT);
                assertThat(canceled.getFilledQuantity()).isEqualByComparingTo("0");
                OperationalEvent noticed = awaitOps(fixture, e -> ("reconcile-order-" + firstId + "-canceled").equals(e.getEventId()));
                assertThat(String.valueOf(noticed.getSeverity())).isEqualTo("WARNING");

                fixture.produceSignal(second);
                fixture.awaitEvent(second, OrderStatus.NEW, WAIT);
                int subscriptions = exchange.userDataStream().subscriptionCount();
                exchange.userDataStream().pause(true);
                exchange.price("BTCUSDT", new BigDecimal("59000.00")); // B's order fills; its events are lost
                fake.dropConnections(); // TCP cut, no close frame
                exchange.userDataStream().pause(false);

                fixture.awaitEvent(second, OrderStatus.FILLED, WAIT);
                assertThat(exchange.userDataStream().subscriptionCount()).as("resubscribed after the drop").isGreaterThan(subscriptions);
                Position held = latestPosition(fixture, p -> "B".equals(p.getStrategyInstance()));
                assertThat(held.getQuantity()).isEqualByComparingTo("0.000999");

                int beforeTermination = exchange.userDataStream().subscriptionCount();
                exchange.userDataStream().terminate();
                await().atMost(WAIT).until(() -> exchange.userDataStream().subscriptionCount() > beforeTermination
                        && exchange.userDataStream().subscribed() == 1);
            }

            List<Fill> fills = fixture.read(fixture.fills, Fill.class, read -> !read.isEmpty(), WAIT, Duration.ofSeconds(3));
            assertThat(fills).as("B's fill, once").hasSize(1).allSatisfy(f -> assertThat(f.getStrategyInstance()).isEqualTo("B"));
            List<OrderEvent> events = fixture.read(fixture.orders, OrderEvent.class, read -> read.size() >= 4, WAIT, Duration.ofSeconds(2));
            assertThat(events).extracting(OrderEvent::getStatus)
                    .containsExactly(OrderStatus.NEW, OrderStatus.CANCELED, OrderStatus.NEW, OrderStatus.FILLED);
        }
    }

    private ExecutorFixture fixture(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics, FakeBinance fake) {
        return new ExecutorFixture(broker, registry, topics, dir)
                .set(BinanceVenueSettings.REST_URL, fake.restUrl())
                .set(ExecutorSettings.ORDER_TYPE, "LIMIT")
                .set(ExecutorSettings.LIMIT_OFFSET_BPS, "100")
                .set(ExecutorSettings.REFRESH_INTERVAL_MS, Long.toString(Duration.ofMinutes(10).toMillis()))
                .set(ReconcileSettings.INTERVAL_MS, Long.toString(Duration.ofMinutes(10).toMillis()));
    }

    private StreamsService running(ExecutorFixture fixture, String stateDir) throws Exception {
        fixture.set("state.dir", dir.resolve(stateDir).toString());
        StringWriter output = new StringWriter();
        StreamsService service = new StreamsService(new ExecutorApp(), fixture.config(ExecutorFixture.binanceEnvironment()),
                new PrintWriter(output, true), new PrintWriter(output, true));
        service.start();
        await().atMost(WAIT).until(() -> service.state() == KafkaStreams.State.RUNNING);
        return service;
    }

    private static OperationalEvent awaitOps(ExecutorFixture fixture, Predicate<OperationalEvent> wanted) {
        List<OperationalEvent> events = fixture.read(fixture.operational, OperationalEvent.class,
                read -> read.stream().anyMatch(e -> KIND.equals(e.getKind()) && wanted.test(e)), WAIT, Duration.ZERO);
        return events.stream().filter(e -> KIND.equals(e.getKind()) && wanted.test(e)).findFirst()
                .orElseThrow(() -> new AssertionError("no such " + KIND + " event in " + events));
    }

    private static Position latestPosition(ExecutorFixture fixture, Predicate<Position> wanted) {
        List<Position> positions = fixture.read(fixture.positions, Position.class, read -> read.stream().anyMatch(wanted), WAIT, Duration.ZERO);
        return positions.stream().filter(wanted).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no such position in " + positions));
    }

    /** A signal created now: the executor refuses stale signals. */
    private static Signal signal(String instance) {
        Instant candle = Instant.now().minusMillis(59_999);
        Signal signal = ExecutorFixture.signal(candle, TargetPosition.LONG, "60000");
        return Signal.newBuilder(signal).setStrategyInstance(instance)
                .setSignalId(instance + ":" + signal.getSymbol() + ":" + candle.toEpochMilli()).build();
    }

}
