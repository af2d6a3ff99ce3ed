package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import dev.tickflow.testkit.binance.FakeBinance;
import dev.tickflow.testkit.binance.FakeSpotExchange;
import dev.tickflow.testkit.binance.FakeSpotExchange.Endpoint;
import dev.tickflow.testkit.binance.FakeSpotExchange.Failure;
import dev.tickflow.testkit.binance.FakeSpotExchange.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor in its default configuration (only the venue, its URL and credentials set) against a fake exchange that
 * fails exchangeInfo, lookups and cancels with 5xx, 429 with Retry-After, -2011 and timeouts, and answers -2010 to a
 * placement it accepted: the service keeps running on the same stream thread, no order is placed twice, every signal
 * ends in a defined order state on oms.orders, and the orders of unknown fate are resolved by the refresh.
 */
@WithKafka
@WithSchemaRegistry
class ExecutorExchangeFaultsIT {
    private static final Duration HELD_BACK = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    @Test
    void noExchangeAnswerStopsTheExecutorAndEverySignalEndsInADefinedState(KafkaBroker broker, ApicurioRegistry registry,
                                                                           TestTopics topics) throws Exception {
        try (FakeBinance fake = new FakeBinance()) {
            FakeSpotExchange exchange = fake.spot();
            ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir).set(BinanceVenueSettings.REST_URL, fake.restUrl());
            StringWriter output = new StringWriter();
            List<Signal> signals = new ArrayList<>();

            try (StreamsService service = new StreamsService(new ExecutorApp(), fixture.config(ExecutorFixture.binanceEnvironment()), new PrintWriter(output, true),
                    new PrintWriter(output, true))) {
                service.start();
                await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);
                Set<Thread> streamThreads = streamThreads(fixture.applicationId);
                assertThat(streamThreads).isNotEmpty();

                // exchangeInfo: a 503 leaves the signal without the symbol's rules; a 429 with Retry-After 1 s is waited for
                exchange.fail(Endpoint.EXCHANGE_INFO, Failure.serverError(), 1);
                Signal noRules = send(fixture, signals, "A", TargetPosition.LONG, Instant.now());
                assertReason(awaitEvent(fixture, noRules, OrderStatus.REJECTED), "exchange-info-unavailable:");
                exchange.fail(Endpoint.EXCHANGE_INFO, Failure.rateLimited(1), 1);
                awaitEvent(fixture, send(fixture, signals, "B", TargetPosition.LONG, Instant.now()), OrderStatus.FILLED);

                // -2010 "Duplicate order sent." to a placement the exchange accepted: the order is adopted, with its fill
                exchange.inject(Fault.DUPLICATE_AFTER_PLACING, 1);
                Signal duplicate = send(fixture, signals, "D", TargetPosition.LONG, Instant.now());
                OrderEvent adopted = awaitEvent(fixture, duplicate, OrderStatus.FILLED);
                assertThat(adopted.getFilledQuantity()).isEqualByComparingTo("0.001");

                // placed, then the answer is lost (503) and the lookup fails (503, then a timeout): UNKNOWN, resolved by the refresh
                exchange.inject(Fault.SERVER_ERROR_AFTER_PLACING, 2)
                        .fail(Endpoint.MY_TRADES, Failure.serverError(), 1)
                        .fail(Endpoint.MY_TRADES, Failure.timeout(HELD_BACK), 1);
                Signal lostAnswer = send(fixture, signals, "C", TargetPosition.LONG, Instant.now());
                Signal lostAnswerTimeout = send(fixture, signals, "F", TargetPosition.LONG, Instant.now());
                awaitEvent(fixture, lostAnswer, OrderStatus.FILLED);
                awaitEvent(fixture, lostAnswerTimeout, OrderStatus.FILLED);
                assertThat(exchange.pendingFailures(Endpoint.MY_TRADES)).isZero();

                // a lookup before placing fails: nothing is placed, the order is UNKNOWN; FLAT signals then try to cancel it
                exchange.fail(Endpoint.QUERY_ORDER, Failure.serverError(), 1);
                Signal unknown = send(fixture, signals, "E", TargetPosition.LONG, Instant.now().minusSeconds(5));
                await().atMost(Duration.ofSeconds(30)).until(() -> exchange.pendingFailures(Endpoint.QUERY_ORDER) == 0);
                exchange.fail(Endpoint.CANCEL_ORDER, Failure.serverError(), 1);
                assertReason(awaitEvent(fixture, send(fixture, signals, "E", TargetPosition.FLAT, Instant.now().minusSeconds(4)),
                        OrderStatus.REJECTED), "cancel-failed:");
                exchange.fail(Endpoint.CANCEL_ORDER, Failure.rateLimited(30), 1);
                assertReason(awaitEvent(fixture, send(fixture, signals, "E", TargetPosition.FLAT, Instant.now().minusSeconds(3)),
                        OrderStatus.REJECTED), "cancel-failed:", "rate-limited");
                exchange.fail(Endpoint.CANCEL_ORDER, Failure.timeout(HELD_BACK), 1);
                assertReason(awaitEvent(fixture, send(fixture, signals, "E", TargetPosition.FLAT, Instant.now().minusSeconds(2)),
                        OrderStatus.REJECTED), "cancel-failed:", "outcome unknown");
                assertReason(awaitEvent(fixture, send(fixture, signals, "E", TargetPosition.FLAT, Instant.now().minusSeconds(1)),
                        OrderStatus.REJECTED), "cancel-failed:", "-2011");
                // the exchange never got the order: a minute after its signal the refresh gives it up
                assertReason(fixture.awaitEvent(unknown, OrderStatus.REJECTED, Duration.ofSeconds(90)), "order-fate-unknown:");

                // a stale signal is refused by default
                Signal stale = send(fixture, signals, "G", TargetPosition.LONG, Instant.now().minusSeconds(600));
                assertReason(awaitEvent(fixture, stale, OrderStatus.REJECTED), "stale-signal:");

                assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(streamThreads).as("the same stream threads, alive").allMatch(Thread::isAlive);
                assertThat(streamThreads(fixture.applicationId)).isEqualTo(streamThreads);
                assertThat(exchange.orders()).as("orders on the exchange").containsOnlyKeys(ids("B", "D", "C", "F", signals));
                for (String clientOrderId : exchange.orders().keySet()) {
                    assertThat(exchange.placements(clientOrderId)).as("placements of %s", clientOrderId).isEqualTo(1);
                }
                List<OrderEvent> events = fixture.read(fixture.orders, OrderEvent.class, read -> read.size() >= signals.size(),
                        Duration.ofSeconds(30), Duration.ofSeconds(3));
                Map<String, List<OrderEvent>> bySignal = events.stream().collect(Collectors.groupingBy(OrderEvent::getClientOrderId));
                for (Signal signal : signals) {
                    assertThat(bySignal.get(ClientOrderIds.of(signal.getSignalId()))).as("events of %s", signal.getSignalId())
                            .singleElement().satisfies(event -> {
                                assertThat(event.getStatus()).isIn(OrderStatus.FILLED, OrderStatus.REJECTED);
                                if (event.getStatus() == OrderStatus.REJECTED) {
                                    assertThat(event.getRejectReason()).matches("[a-z-]+: .+");
                                }
                            });
                }
                assertThat(output.toString()).doesNotContain(FakeSpotExchange.DEFAULT_API_KEY).doesNotContain(FakeSpotExchange.DEFAULT_SECRET);
            }
        }
    }

    private static Signal send(ExecutorFixture fixture, List<Signal> signals, String instance, TargetPosition target, Instant createdAt) {
        Instant candle = createdAt.minusMillis(59_999);
        Signal signal = Signal.newBuilder(ExecutorFixture.signal(candle, target, "60000")).setStrategyInstance(instance)
                .setSignalId(instance + ":" + ExecutorFixture.SYMBOL + ":" + candle.toEpochMilli()).build();
        signals.add(signal);
        fixture.produceSignal(signal);
        return signal;
    }

    private static String[] ids(String a, String b, String c, String d, List<Signal> signals) {
        Set<String> instances = Set.of(a, b, c, d);
        return signals.stream().filter(s -> instances.contains(s.getStrategyInstance()) && s.getTarget() == TargetPosition.LONG)
                .map(s -> ClientOrderIds.of(s.getSignalId())).toArray(String[]::new);
    }

    private static void assertReason(OrderEvent event, String... parts) {
        assertThat(event.getRejectReason()).startsWith(parts[0]);
        for (String part : parts) {
            assertThat(event.getRejectReason()).contains(part);
        }
    }

    private static OrderEvent awaitEvent(ExecutorFixture fixture, Signal signal, OrderStatus status) {
        return fixture.awaitEvent(signal, status, Duration.ofSeconds(40));
    }

    /** The live stream threads of the application's client (in this JVM). */
    private static Set<Thread> streamThreads(String applicationId) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(applicationId) && t.getName().contains("StreamThread") && t.isAlive())
                .collect(Collectors.toSet());
    }
}
