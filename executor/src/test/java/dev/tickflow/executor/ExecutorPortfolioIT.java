package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
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
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account limit over symbols in different partitions of strategy.signals, on a real broker and registry with
 * exactly_once_v2, and still in force after a restart with an empty state directory (the risk state comes back from
 * the changelogs of the one task that owns it). An operator's PAUSE arrives through control.operator.
 */
@WithKafka
@WithSchemaRegistry
class ExecutorPortfolioIT {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Signal signal(String instance, String symbol, int minute, String price) {
        Instant open = START.plusSeconds(60L * minute);
        return Signal.newBuilder().setSignalId(instance + ":" + symbol + ":" + open.toEpochMilli()).setStrategyInstance(instance).setSymbol(symbol)
                .setCandleOpenTime(open).setTarget(TargetPosition.LONG).setReason(SignalReason.CROSS_UP).setPrice(ExecutorFixture.decimal(price))
                .setCreatedAt(open.plusMillis(59_999)).build();
    }

    private static StreamsService start(ExecutorFixture fixture) {
        StringWriter output = new StringWriter();
        StreamsService service = new StreamsService(new ExecutorApp(), fixture.config(Map.of()), new PrintWriter(output, true),
                new PrintWriter(output, true));
        assertThat(service.properties()).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
        return service;
    }

    @Test
    void symbolsInDifferentPartitionsShareOneAccountLimitAcrossARestart(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        // BTCUSDT 0.001 × 50000 = 50, ETHUSDT 0.01 × 3000 = 30: each alone within 60, together not
        ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir).set("executor.risk.account.max.exposure.notional", "60");
        Signal btc = signal("A", "BTCUSDT", 0, "50000");
        Signal eth = signal("B", "ETHUSDT", 1, "3000");
        Signal sol = signal("C", "SOLUSDT", 2, "100");
        try (StreamsService service = start(fixture)) {
            fixture.produceSignal(btc, 0);
            fixture.produceSignal(eth, 1);
            assertThat(fixture.awaitEvent(btc, OrderStatus.FILLED, Duration.ofSeconds(60)).getQuantity()).isEqualByComparingTo("0.001");
            OrderEvent refused = fixture.awaitEvent(eth, OrderStatus.REJECTED, Duration.ofSeconds(60));
            assertThat(refused.getRejectReason()).isEqualTo("portfolio-exposure: the account would hold 80 over all instances and symbols, "
                    + "the limit is 60");
        }

        fixture.set("state.dir", dir.resolve("state-after-restart").toString()).set("executor.order.notionals", "SOLUSDT=11");
        try (StreamsService service = start(fixture)) {
            fixture.produceSignal(sol, 2);
            OrderEvent stillRefused = fixture.awaitEvent(sol, OrderStatus.REJECTED, Duration.ofSeconds(60));
            assertThat(stillRefused.getRejectReason()).as("the BTC position from before the restart still counts")
                    .isEqualTo("portfolio-exposure: the account would hold 61 over all instances and symbols, the limit is 60");

            fixture.produceCommand(OperatorCommand.newBuilder().setCommandId("pause-1").setAction(OperatorAction.PAUSE).setStrategyInstance("A")
                    .setIssuedBy("cli").setRequestedAt(START.plusSeconds(200)).build());
            List<OperationalEvent> events = fixture.read(fixture.operational, OperationalEvent.class, read -> read.size() >= 2,
                    Duration.ofSeconds(60), Duration.ofSeconds(2));
            assertThat(events).extracting(event -> event.getKind().toString()).containsExactly("PAUSED", "COMMAND_APPLIED");
            assertThat(events).extracting(event -> event.getEventId().toString()).containsExactly("cmd-pause-1-paused", "cmd-pause-1-command_applied");
        }
        List<OrderEvent> all = fixture.read(fixture.orders, OrderEvent.class, read -> read.size() >= 3, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(all).as("exactly one event per signal").extracting(OrderEvent::getClientOrderId).containsExactlyInAnyOrder(
                ClientOrderIds.of(btc.getSignalId()), ClientOrderIds.of(eth.getSignalId()), ClientOrderIds.of(sol.getSignalId()));
    }
}
