package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.order.ProtectiveOrders;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.runtime.fixtures.RestartHarness;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.OrderType;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import dev.tickflow.testkit.binance.FakeSpotExchange.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exchange-held protection on the binance venue against the fake exchange on 127.0.0.1, on a real broker and registry
 * with exactly_once_v2: a stop placed exactly once although the executor was killed (SIGKILL) after its entry filled
 * and before the stop was placed, and an OCO pair whose take-profit leg fills, which ends the stop leg and the position.
 */
@WithKafka
@WithSchemaRegistry
class ExecutorProtectionIT {

    @TempDir
    Path dir;

    @Test
    void killedBetweenTheEntryFillAndTheStopPlacementOneStopExistsAfterTheRestart(KafkaBroker broker, ApicurioRegistry registry,
                                                                                   TestTopics topics) throws Exception {
        try (FakeBinance fake = new FakeBinance(); RestartHarness service = new RestartHarness(new ExecutorApp(), topics.name("executor"))) {
            FakeSpotExchange exchange = fake.spot();
            // the entry fills at once and its answer is held back: the executor is killed before it can place the stop
            exchange.responseDelay(Duration.ofSeconds(20)).inject(Fault.TIMEOUT_AFTER_PLACING, 1);
            ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir).onBinanceProcess(fake.restUrl())
                    .set(ProtectionSettings.MODE, "exchange-stop");
            Path config = fixture.writeConfig("executor.properties");

            service.start(config);
            Signal entry = ExecutorFixture.signal(Instant.now().minusMillis(59_999), TargetPosition.LONG, "60000");
            String entryId = ClientOrderIds.of(entry.getSignalId());
            fixture.produceSignal(entry);
            await().atMost(Duration.ofSeconds(40)).until(() -> exchange.order(entryId).isPresent());
            service.kill();
            assertThat(exchange.order(entryId).orElseThrow().status()).isEqualTo("FILLED");
            assertThat(stopOrders(exchange)).as("no stop before the restart").isEmpty();

            service.start(config);
            List<OrderEvent> events = fixture.read(fixture.orders, OrderEvent.class,
                    read -> read.stream().anyMatch(e -> entryId.equals(e.getProtectsClientOrderId())), Duration.ofSeconds(60),
                    Duration.ofSeconds(3));
            FakeSpotExchange.Trade entryTrade = exchange.order(entryId).orElseThrow().trades().get(0);
            String stopId = ProtectiveOrders.clientOrderId(entryId, new ExchangeFill(Long.toString(entryTrade.id()), entryTrade.price(),
                    entryTrade.quantity(), entryTrade.commission(), entryTrade.commissionAsset(), Instant.EPOCH));
            assertThat(stopOrders(exchange)).as("one stop at the exchange; log:%n%s", service.tail())
                    .singleElement().satisfies(stop -> {
                        assertThat(stop.clientOrderId()).isEqualTo(stopId);
                        assertThat(stop.side()).isEqualTo("SELL");
                        assertThat(stop.quantity()).as("what is held, to the step size").isEqualByComparingTo("0.00099");
                        assertThat(stop.price()).as("2 % below 60000, then 0.5 % lower").isEqualByComparingTo("58506");
                    });
            assertThat(exchange.placements(stopId)).isEqualTo(1);
            assertThat(events).filteredOn(e -> stopId.equals(e.getClientOrderId())).singleElement().satisfies(stop -> {
                assertThat(stop.getStatus()).isEqualTo(OrderStatus.NEW);
                assertThat(stop.getType()).isEqualTo(OrderType.STOP_LOSS_LIMIT);
                assertThat(stop.getStopPrice()).isEqualByComparingTo("58800");
                assertThat(stop.getProtection()).isEqualTo("STOP_LOSS");
                assertThat(stop.getProtectsClientOrderId()).isEqualTo(entryId);
            });
            service.stop();
        }
    }

    @Test
    void anOcoWhoseTakeProfitLegFillsEndsWithTheStopLegExpiredAndThePositionClosed(KafkaBroker broker, ApicurioRegistry registry,
                                                                                     TestTopics topics) throws Exception {
        try (FakeBinance fake = new FakeBinance()) {
            FakeSpotExchange exchange = fake.spot();
            ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir)
                    .set(BinanceVenueSettings.REST_URL, fake.restUrl())
                    .set(ExecutorSettings.REFRESH_INTERVAL_MS, "500")
                    .set(ProtectionSettings.MODE, "exchange-oco");
            StringWriter output = new StringWriter();
            try (StreamsService service = new StreamsService(new ExecutorApp(), fixture.config(ExecutorFixture.binanceEnvironment()),
                    new PrintWriter(output, true), new PrintWriter(output, true))) {
                service.start();
                await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);
                Signal entry = ExecutorFixture.signal(Instant.now().minusMillis(59_999), TargetPosition.LONG, "60000");
                String entryId = ClientOrderIds.of(entry.getSignalId());
                fixture.produceSignal(entry);
                fixture.awaitEvent(entry, OrderStatus.FILLED, Duration.ofSeconds(40));
                OrderEvent oco = awaitProtective(fixture, entryId, OrderStatus.NEW);
                String takeProfitLeg = StopTerms.takeProfitLegId(oco.getClientOrderId());
                assertThat(oco.getOrderListId()).isEqualTo(oco.getClientOrderId() + "-list");
                assertThat(exchange.order(takeProfitLeg).orElseThrow().price()).as("4 % above 60000").isEqualByComparingTo("62400");

                exchange.price(ExecutorFixture.SYMBOL, new BigDecimal("62500.00"));
                OrderEvent filled = awaitProtective(fixture, entryId, OrderStatus.FILLED);
                assertThat(filled.getAverageFillPrice()).isEqualByComparingTo("62400");
                assertThat(exchange.order(oco.getClientOrderId()).orElseThrow().status()).as("the stop leg").isEqualTo("EXPIRED");
                assertThat(exchange.order(takeProfitLeg).orElseThrow().status()).isEqualTo("FILLED");

                List<Fill> fills = fixture.read(fixture.fills, Fill.class, read -> read.size() >= 2, Duration.ofSeconds(30), Duration.ofSeconds(2));
                assertThat(fills).hasSize(2);
                assertThat(fills.get(1).getPrice()).isEqualByComparingTo("62400");
                List<Position> positions = fixture.read(fixture.positions, Position.class,
                        read -> read.stream().anyMatch(p -> p.getRealizedPnl().signum() != 0), Duration.ofSeconds(30), Duration.ofSeconds(2));
                Position closed = positions.get(positions.size() - 1);
                assertThat(closed.getQuantity()).as("what is below the step size stays").isEqualByComparingTo("0.000009");
                assertThat(closed.getRealizedPnl()).as("(62400 - 60000) x 0.00099").isEqualByComparingTo("2.376");
            }
        }
    }

    private static OrderEvent awaitProtective(ExecutorFixture fixture, String entryId, OrderStatus status) {
        List<OrderEvent> events = fixture.read(fixture.orders, OrderEvent.class, read -> read.stream()
                .anyMatch(e -> entryId.equals(e.getProtectsClientOrderId()) && e.getStatus() == status), Duration.ofSeconds(40), Duration.ZERO);
        return events.stream().filter(e -> entryId.equals(e.getProtectsClientOrderId()) && e.getStatus() == status).findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " protective order of " + entryId + " in " + events));
    }

    private static List<FakeSpotExchange.Order> stopOrders(FakeSpotExchange exchange) {
        return exchange.orders().values().stream().filter(order -> order.type().equals("STOP_LOSS_LIMIT")).toList();
    }
}
