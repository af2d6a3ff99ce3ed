package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.runtime.StreamsService;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor service in-process with {@code executor.broker=binance}, the real Binance connector against the fake
 * exchange on 127.0.0.1 (HMAC checked, FULL answers), on a real broker and registry with exactly_once_v2: an order
 * that fills, two the exchange rejects (-2010, -1013), and one whose answer is lost in a 503 after the exchange placed
 * it, which the executor reconciles by its client order id instead of placing it again.
 */
@WithKafka
@WithSchemaRegistry
class ExecutorBinanceIT {

    @TempDir
    Path dir;

    @Test
    void signalsBecomeOrdersOnTheExchangeAndFillsPositionsAndRejectionsOnTheTopics(KafkaBroker broker, ApicurioRegistry registry,
                                                                                  TestTopics topics) throws Exception {
        try (FakeBinance fake = new FakeBinance()) {
            FakeSpotExchange exchange = fake.spot();
            ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir)
                    .set(BinanceVenueSettings.REST_URL, fake.restUrl());
            StringWriter output = new StringWriter();

            try (StreamsService service = new StreamsService(new ExecutorApp(), fixture.config(ExecutorFixture.binanceEnvironment()), new PrintWriter(output, true),
                    new PrintWriter(output, true))) {
                assertThat(output.toString()).contains("executor: broker binance, MARKET orders");
                service.start();
                await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);

                Signal filled = signal("A");
                fixture.produceSignal(filled);
                fixture.awaitEvent(filled, OrderStatus.FILLED, Duration.ofSeconds(40));

                exchange.inject(Fault.ORDER_REJECTED, 1);
                Signal rejected = signal("B");
                fixture.produceSignal(rejected);
                OrderEvent rejection = fixture.awaitEvent(rejected, OrderStatus.REJECTED, Duration.ofSeconds(40));
                assertThat(rejection.getRejectReason()).contains("-2010", "Account has insufficient balance for requested action.");

                exchange.inject(Fault.FILTER_FAILURE, 1);
                Signal filterFailure = signal("C");
                fixture.produceSignal(filterFailure);
                OrderEvent filterRejection = fixture.awaitEvent(filterFailure, OrderStatus.REJECTED, Duration.ofSeconds(40));
                assertThat(filterRejection.getRejectReason()).contains("-1013", "Filter failure: LOT_SIZE");

                exchange.inject(Fault.SERVER_ERROR_AFTER_PLACING, 1);
                Signal answerLost = signal("D");
                fixture.produceSignal(answerLost);
                fixture.awaitEvent(answerLost, OrderStatus.FILLED, Duration.ofSeconds(40));

                String idA = ClientOrderIds.of(filled.getSignalId());
                String idD = ClientOrderIds.of(answerLost.getSignalId());
                assertThat(exchange.orders()).as("orders on the exchange").containsOnlyKeys(idA, idD);
                assertThat(placements(exchange, idD)).as("D placed once, then looked up").isEqualTo(1);
                assertThat(exchange.requests("GET", "/api/v3/order")).anyMatch(r -> idD.equals(r.params().get("origClientOrderId")));

                List<OrderEvent> events = fixture.read(fixture.orders, OrderEvent.class, read -> read.size() >= 4, Duration.ofSeconds(30),
                        Duration.ofSeconds(2));
                assertThat(events).extracting(OrderEvent::getClientOrderId, OrderEvent::getStatus).containsExactly(
                        tuple(idA, OrderStatus.FILLED),
                        tuple(ClientOrderIds.of(rejected.getSignalId()), OrderStatus.REJECTED),
                        tuple(ClientOrderIds.of(filterFailure.getSignalId()), OrderStatus.REJECTED),
                        tuple(idD, OrderStatus.FILLED));
                OrderEvent eventA = events.get(0);
                assertThat(eventA.getBroker()).isEqualTo("binance");
                assertThat(eventA.getExchangeOrderId()).isEqualTo(Long.toString(exchange.order(idA).orElseThrow().orderId()));
                assertThat(eventA.getFilledQuantity()).isEqualByComparingTo("0.001");
                assertThat(eventA.getAverageFillPrice()).isEqualByComparingTo("60000");

                List<Fill> fills = fixture.read(fixture.fills, Fill.class, read -> read.size() >= 2, Duration.ofSeconds(30), Duration.ofSeconds(2));
                assertThat(fills).as("one fill each for A and D, as the exchange holds them").hasSize(2);
                for (Fill fill : fills) {
                    FakeSpotExchange.Trade trade = exchange.order(fill.getClientOrderId()).orElseThrow().trades().get(0);
                    assertThat(fill.getTradeId()).isEqualTo(Long.toString(trade.id()));
                    assertThat(fill.getSide()).isEqualTo(OrderSide.BUY);
                    assertThat(fill.getPrice()).isEqualByComparingTo(trade.price());
                    assertThat(fill.getQuantity()).isEqualByComparingTo(trade.quantity());
                    assertThat(fill.getCommission()).isEqualByComparingTo("0.000001");
                    assertThat(fill.getCommissionAsset()).isEqualTo("BTC");
                }

                List<Position> positions = fixture.read(fixture.positions, Position.class, read -> read.size() >= 2, Duration.ofSeconds(30),
                        Duration.ofSeconds(2));
                assertThat(positions).extracting(Position::getStrategyInstance).containsExactly("A", "D");
                for (Position position : positions) {
                    assertThat(position.getQuantity()).as("0.001 bought, 0.000001 BTC commission taken from it").isEqualByComparingTo("0.000999");
                    assertThat(position.getAverageEntryPrice()).isEqualByComparingTo("60000");
                    assertThat(position.getFees()).as("0.000001 BTC at 60000").isEqualByComparingTo("0.06");
                    assertThat(position.getRealizedPnl()).isEqualByComparingTo("0");
                }
            }
        }
    }

    /** A signal created now: the executor refuses signals older than two minutes by default. */
    private static Signal signal(String instance) {
        Instant candle = Instant.now().minusMillis(59_999);
        Signal signal = ExecutorFixture.signal(candle, TargetPosition.LONG, "60000");
        return Signal.newBuilder(signal).setStrategyInstance(instance)
                .setSignalId(instance + ":" + signal.getSymbol() + ":" + candle.toEpochMilli()).build();
    }

    private static long placements(FakeSpotExchange exchange, String clientOrderId) {
        return exchange.requests("POST", "/api/v3/order").stream()
                .filter(r -> clientOrderId.equals(r.params().get("newClientOrderId"))).count();
    }
}
