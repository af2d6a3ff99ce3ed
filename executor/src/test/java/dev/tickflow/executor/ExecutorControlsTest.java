package dev.tickflow.executor;

import static dev.tickflow.executor.ExecutorDriver.START;
import static dev.tickflow.schema.TargetPosition.FLAT;
import static dev.tickflow.schema.TargetPosition.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.risk.PortfolioLimits;
import dev.tickflow.executor.risk.RiskLimits;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Position;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Portfolio-wide limits and the operator controls through the topology (TopologyTestDriver, paper venue). */
class ExecutorControlsTest {
    private static final String ETH = "ETHUSDT";
    private final Path stateDir = Path.of("target", "topology-test-state");

    private ExecutorDriver driver(UnaryOperator<ExecutorSettings> customize) {
        return new ExecutorDriver(stateDir, customize);
    }

    private static Instant minute(int minute) {
        return START.plusSeconds(60L * minute + 59);
    }

    private static List<String> kinds(List<TestRecord<String, OperationalEvent>> events) {
        return events.stream().map(event -> event.value().getKind()).toList();
    }

    @Test
    void twoSymbolsShareOneAccountExposureLimit() {
        // BTCUSDT: 0.001 × 50000 = 50; ETHUSDT: 0.01 × 3000 = 30; together 80 > 60
        RiskPolicy policy = RiskPolicy.unlimited().withPortfolio(new PortfolioLimits(null, new BigDecimal("60"), null, null, null, null));
        try (ExecutorDriver driver = driver(settings -> settings.withRisk(policy))) {
            driver.signal("A", 0, LONG, "50000");
            assertThat(driver.orders()).singleElement().satisfies(order -> assertThat(order.getStatus()).isEqualTo(OrderStatus.FILLED));
            driver.signal(ExecutorDriver.signalRecord("B", ETH, 0, LONG, "3000"));
            OrderEvent refused = driver.orders().get(0);
            assertThat(refused.getStatus()).isEqualTo(OrderStatus.REJECTED);
            assertThat(refused.getRejectReason()).isEqualTo("portfolio-exposure: the account would hold 80 over all instances and symbols, "
                    + "the limit is 60");
        }
    }

    @Test
    void twoSymbolsShareOneAccountOrderRate() {
        RiskPolicy policy = RiskPolicy.unlimited().withPortfolio(new PortfolioLimits(null, null, null, 1, null, null));
        try (ExecutorDriver driver = driver(settings -> settings.withRisk(policy))) {
            driver.signal("A", 0, LONG, "50000");
            driver.signal(ExecutorDriver.signalRecord("A", ETH, 0, LONG, "3000"));
            List<OrderEvent> orders = driver.orders();
            assertThat(orders).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.FILLED, OrderStatus.REJECTED);
            assertThat(orders.get(1).getRejectReason()).startsWith("account-rate: 1 orders of the account in the last second");
        }
    }

    @Test
    void pauseRefusesEntriesLetsExitsPassAndResumeLiftsIt() {
        try (ExecutorDriver driver = driver(UnaryOperator.identity())) {
            driver.signal("A", 0, LONG, "50000").orders();
            driver.command("c-pause", OperatorAction.PAUSE, "A", null, minute(0).plusSeconds(1));
            List<TestRecord<String, OperationalEvent>> events = driver.operationalEvents();
            assertThat(kinds(events)).containsExactly("PAUSED", "COMMAND_APPLIED");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.key()).isEqualTo("A");
                assertThat(event.value().getService()).isEqualTo("executor");
                assertThat(event.value().getDetails()).containsEntry("commandId", "c-pause");
            });
            assertThat(events.get(0).value().getEventId()).isEqualTo("cmd-c-pause-paused");

            driver.signal("A", 1, FLAT, "51000");
            assertThat(driver.orders()).singleElement().satisfies(order -> assertThat(order.getStatus()).as("an exit passes a pause")
                    .isEqualTo(OrderStatus.FILLED));
            driver.signal("A", 2, LONG, "51000");
            assertThat(driver.orders()).singleElement().satisfies(order -> {
                assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
                assertThat(order.getRejectReason()).startsWith("paused: instance A is paused by an operator");
            });
            driver.signal("B", 2, LONG, "51000");
            assertThat(driver.orders().get(0).getStatus()).as("another instance trades on").isEqualTo(OrderStatus.FILLED);

            driver.command("c-resume", OperatorAction.RESUME, "A", null, minute(2).plusSeconds(1));
            assertThat(kinds(driver.operationalEvents())).containsExactly("RESUMED", "COMMAND_APPLIED");
            driver.signal("A", 3, LONG, "51000");
            assertThat(driver.orders().get(0).getStatus()).isEqualTo(OrderStatus.FILLED);
        }
    }

    @Test
    void aCommandIdIsAppliedAtMostOnce() {
        try (ExecutorDriver driver = driver(UnaryOperator.identity())) {
            driver.signal("A", 0, LONG, "50000").orders();
            driver.command("c-1", OperatorAction.PAUSE, "A", null, minute(0).plusSeconds(1));
            driver.command("c-2", OperatorAction.RESUME, "A", null, minute(0).plusSeconds(2));
            driver.operationalEvents();
            driver.command("c-1", OperatorAction.PAUSE, "A", null, minute(0).plusSeconds(3));
            assertThat(driver.operationalEvents()).as("the repeat writes nothing").isEmpty();
            driver.signal("B", 1, LONG, "50000").signal("A", 1, FLAT, "50000").signal("A", 2, LONG, "50000");
            assertThat(driver.orders()).as("A is not paused again").extracting(OrderEvent::getStatus)
                    .containsExactly(OrderStatus.FILLED, OrderStatus.FILLED, OrderStatus.FILLED);
        }
    }

    @Test
    void aCommandForAnUnknownInstanceIsRefusedAndSetParametersIsIgnored() {
        try (ExecutorDriver driver = driver(UnaryOperator.identity())) {
            driver.command("c-x", OperatorAction.PAUSE, "nobody", null, START);
            List<TestRecord<String, OperationalEvent>> events = driver.operationalEvents();
            assertThat(kinds(events)).containsExactly("COMMAND_REFUSED");
            assertThat(events.get(0).value().getMessage()).startsWith("unknown strategy instance nobody");
            assertThat(events.get(0).value().getSeverity()).isEqualTo("WARNING");

            driver.command("c-p", OperatorAction.SET_PARAMETERS, "*", null, START);
            assertThat(driver.operationalEvents()).isEmpty();
        }
    }

    @Test
    void forceExitClosesEveryPositionOfTheInstanceThroughTheOrderPath() {
        try (ExecutorDriver driver = driver(UnaryOperator.identity())) {
            driver.signal("A", 0, LONG, "50000").signal(ExecutorDriver.signalRecord("A", ETH, 0, LONG, "3000"))
                    .signal("B", 0, LONG, "50000");
            driver.trade("51000", START.plusSeconds(90)).trade(ETH, "3100", START.plusSeconds(90));
            driver.orders();
            driver.positions();
            driver.command("c-exit", OperatorAction.FORCE_EXIT, "A", null, START.plusSeconds(100));
            List<OrderEvent> exits = driver.orders();
            assertThat(exits).hasSize(2).allSatisfy(order -> {
                assertThat(order.getSignalId()).isNull();
                assertThat(order.getStrategyInstance()).isEqualTo("A");
                assertThat(order.getSide()).isEqualTo(OrderSide.SELL);
                assertThat(order.getStatus()).isEqualTo(OrderStatus.FILLED);
            });
            assertThat(exits).extracting(OrderEvent::getClientOrderId).containsExactly(
                    ClientOrderIds.of("force-exit:c-exit:A:BTCUSDT"), ClientOrderIds.of("force-exit:c-exit:A:ETHUSDT"));
            assertThat(exits.get(0).getAverageFillPrice()).as("at the position's last mark").isEqualByComparingTo("51000");
            assertThat(driver.positions()).extracting(Position::getQuantity).allSatisfy(q -> assertThat(q).isEqualByComparingTo("0"));
            List<TestRecord<String, OperationalEvent>> events = driver.operationalEvents();
            assertThat(kinds(events)).containsExactly("COMMAND_APPLIED");
            assertThat(events.get(0).value().getDetails()).containsEntry("A:BTCUSDT", ClientOrderIds.of("force-exit:c-exit:A:BTCUSDT"));

            driver.command("c-exit", OperatorAction.FORCE_EXIT, "A", null, START.plusSeconds(101));
            assertThat(driver.orders()).isEmpty();
        }
    }

    @Test
    void cancelAllCancelsTheInstancesRestingOrders() {
        try (ExecutorDriver driver = driver(settings -> settings.withOrderType(dev.tickflow.executor.model.OrderType.LIMIT, BigDecimal.TEN,
                dev.tickflow.executor.model.TimeInForce.GTC, Duration.ofMinutes(5)))) {
            driver.signal("A", 0, LONG, "50000").signal(ExecutorDriver.signalRecord("A", ETH, 0, LONG, "3000"))
                    .signal("B", 0, LONG, "50000");
            assertThat(driver.orders()).extracting(OrderEvent::getStatus).containsOnly(OrderStatus.NEW);
            driver.command("c-cancel", OperatorAction.CANCEL_ALL, "A", ETH, START.plusSeconds(100));
            List<OrderEvent> canceled = driver.orders();
            assertThat(canceled).singleElement().satisfies(order -> {
                assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELED);
                assertThat(order.getSymbol()).isEqualTo(ETH);
            });
            driver.command("c-cancel-all", OperatorAction.CANCEL_ALL, "*", null, START.plusSeconds(101));
            assertThat(driver.orders()).extracting(OrderEvent::getStrategyInstance).containsExactlyInAnyOrder("A", "B");
            assertThat(kinds(driver.operationalEvents())).containsExactly("COMMAND_APPLIED", "COMMAND_APPLIED");
        }
    }

    @Test
    void aDrawdownHaltIsAnnouncedAndLiftedByCommand() {
        RiskPolicy policy = new RiskPolicy(new RiskLimits(null, null, null, null, null, new BigDecimal("5"), null), Map.of(),
                RiskPolicy.HaltScope.INSTANCE);
        try (ExecutorDriver driver = driver(settings -> settings.withRisk(policy))) {
            driver.signal("A", 0, LONG, "50000");
            driver.trade("40000", START.plusSeconds(90));
            List<TestRecord<String, OperationalEvent>> halted = driver.operationalEvents();
            assertThat(halted).singleElement().satisfies(event -> {
                assertThat(event.value().getKind()).isEqualTo("HALTED");
                assertThat(event.value().getSeverity()).isEqualTo("CRITICAL");
                assertThat(event.value().getEventId()).isEqualTo("halt-A-" + START.plusSeconds(90).toEpochMilli());
                assertThat(event.value().getMessage()).contains("max-drawdown").endsWith("tickflow control lift-halt A");
            });
            driver.orders();
            driver.signal(ExecutorDriver.signalRecord("A", ETH, 1, LONG, "3000"));
            assertThat(driver.orders().get(0).getRejectReason()).startsWith("halted:");

            driver.command("c-lift", OperatorAction.LIFT_HALT, "A", null, START.plusSeconds(130));
            assertThat(kinds(driver.operationalEvents())).containsExactly("HALT_LIFTED", "COMMAND_APPLIED");
            driver.signal(ExecutorDriver.signalRecord("A", ETH, 2, LONG, "3000"));
            assertThat(driver.orders().get(0).getStatus()).isEqualTo(OrderStatus.FILLED);

            driver.command("c-lift-2", OperatorAction.LIFT_HALT, "A", null, START.plusSeconds(200));
            assertThat(kinds(driver.operationalEvents())).as("nothing left to lift").containsExactly("COMMAND_REFUSED");
        }
    }
}
