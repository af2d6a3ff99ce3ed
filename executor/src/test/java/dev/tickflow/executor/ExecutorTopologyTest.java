package dev.tickflow.executor;

import static dev.tickflow.executor.ExecutorDriver.START;
import static dev.tickflow.schema.TargetPosition.FLAT;
import static dev.tickflow.schema.TargetPosition.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.risk.RiskLimits;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.OrderType;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class ExecutorTopologyTest {
    private final Path stateDir = Path.of("target", "topology-test-state");

    private ExecutorDriver driver(UnaryOperator<ExecutorSettings> customize) {
        return new ExecutorDriver(stateDir, customize);
    }

    private static ExecutorSettings withFee(ExecutorSettings settings) {
        return settings.withPaperCosts(new BigDecimal("0.001"), BigDecimal.ZERO);
    }

    private static ExecutorSettings limitOrders(ExecutorSettings settings, Duration expiry) {
        return settings.withOrderType(dev.tickflow.executor.model.OrderType.LIMIT, BigDecimal.TEN, TimeInForce.GTC, expiry);
    }

    @Test
    void aSignalBecomesAnOrderAFillAndAPosition() {
        try (ExecutorDriver driver = driver(ExecutorTopologyTest::withFee)) {
            // as live: a trade of the next minute arrives before the signal of the minute's candle (closed after its grace)
            driver.trade("50000", START.plusSeconds(30)).trade("50200", START.plusSeconds(62)).signal("A", 0, LONG, "50100");

            List<TestRecord<String, OrderEvent>> orders = driver.orderRecords();
            assertThat(orders).hasSize(1);
            OrderEvent order = orders.get(0).value();
            String signalId = "A:BTCUSDT:" + START.toEpochMilli();
            assertThat(orders.get(0).key()).isEqualTo("BTCUSDT");
            assertThat(order.getClientOrderId()).isEqualTo(ClientOrderIds.of(signalId));
            assertThat(order.getSignalId()).isEqualTo(signalId);
            assertThat(order.getStatus()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.getSide()).isEqualTo(OrderSide.BUY);
            assertThat(order.getType()).isEqualTo(OrderType.MARKET);
            assertThat(order.getQuantity()).isEqualByComparingTo("0.001");
            assertThat(order.getFilledQuantity()).isEqualByComparingTo("0.001");
            assertThat(order.getAverageFillPrice()).as("the market as of the signal's time: its price, not a later trade that arrived first")
                    .isEqualByComparingTo("50100");
            assertThat(order.getBroker()).isEqualTo("paper");
            assertThat(order.getEventTime()).isEqualTo(START.plusMillis(59_999));

            List<Fill> fills = driver.fills();
            assertThat(fills).hasSize(1);
            assertThat(fills.get(0).getTradeId()).isEqualTo(order.getClientOrderId() + "-1");
            assertThat(fills.get(0).getPrice()).isEqualByComparingTo("50100");
            assertThat(fills.get(0).getTradeTime()).as("the signal's event time, not stream time").isEqualTo(START.plusMillis(59_999));
            assertThat(fills.get(0).getCommission()).as("50100 x 0.001 x 0.001").isEqualByComparingTo("0.0501");
            assertThat(fills.get(0).getCommissionAsset()).isEqualTo("USDT");

            List<TestRecord<String, Position>> positions = driver.positionRecords();
            assertThat(positions).hasSize(1);
            assertThat(positions.get(0).key()).isEqualTo("A:BTCUSDT");
            Position position = positions.get(0).value();
            assertThat(position.getQuantity()).isEqualByComparingTo("0.001");
            assertThat(position.getAverageEntryPrice()).isEqualByComparingTo("50100");
            assertThat(position.getFees()).isEqualByComparingTo("0.0501");
            assertThat(position.getRealizedPnl()).isEqualByComparingTo("0");
            assertThat(position.getUnrealizedPnl()).isEqualByComparingTo("0");
        }
    }

    @Test
    void aDuplicateOrReplayedSignalNeverDoublesThePositionAndFlatClosesIt() {
        try (ExecutorDriver driver = driver(ExecutorTopologyTest::withFee)) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            assertThat(driver.orders()).hasSize(1);
            assertThat(driver.fills()).hasSize(1);
            driver.positions();

            driver.signal("A", 0, LONG, "50000").signal("A", 1, LONG, "50000");
            assertThat(driver.orders()).as("already LONG").isEmpty();
            assertThat(driver.fills()).isEmpty();

            driver.signal("A", 2, FLAT, "50000").trade("52000", START.plusSeconds(170)).signal("A", 3, FLAT, "52000");
            List<OrderEvent> orders = driver.orders();
            assertThat(orders).hasSize(1);
            assertThat(orders.get(0).getSide()).isEqualTo(OrderSide.SELL);
            assertThat(orders.get(0).getQuantity()).isEqualByComparingTo("0.001");
            assertThat(orders.get(0).getAverageFillPrice()).isEqualByComparingTo("50000");
            driver.signal("A", 4, FLAT, "52000");
            assertThat(driver.orders()).as("already FLAT").isEmpty();
        }
    }

    @Test
    void positionsAreMarkedToMarketAtMostOncePerMinuteAndRealizeOnClose() {
        try (ExecutorDriver driver = driver(ExecutorTopologyTest::withFee)) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            driver.positions();

            driver.trade("51000", START.plusSeconds(61)).trade("51500", START.plusSeconds(62)).trade("52000", START.plusSeconds(121));
            List<Position> marks = driver.positions();
            assertThat(marks).extracting(position -> position.getLastPrice().toPlainString()).containsExactly("51000.00000000", "52000.00000000");
            assertThat(marks.get(1).getUnrealizedPnl()).as("(52000 - 50000) x 0.001").isEqualByComparingTo("2");

            driver.signal("A", 2, FLAT, "52000");
            Position closed = driver.positions().get(0);
            assertThat(closed.getQuantity()).isEqualByComparingTo("0");
            assertThat(closed.getRealizedPnl()).isEqualByComparingTo("2");
            assertThat(closed.getFees()).as("0.05 + 52000 x 0.001 x 0.001").isEqualByComparingTo("0.102");
            assertThat(closed.getUnrealizedPnl()).isEqualByComparingTo("0");

            driver.trade("53000", START.plusSeconds(200));
            assertThat(driver.positions()).as("a flat position is not marked").isEmpty();
        }
    }

    @Test
    void aRefusedOrderIsARejectedEventNamingTheRule() {
        RiskPolicy policy = new RiskPolicy(new RiskLimits(null, BigDecimal.TEN, null, null, null, null, null), Map.of(), RiskPolicy.HaltScope.INSTANCE);
        try (ExecutorDriver driver = driver(settings -> settings.withRisk(policy))) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            List<OrderEvent> orders = driver.orders();
            assertThat(orders).hasSize(1);
            assertThat(orders.get(0).getStatus()).isEqualTo(OrderStatus.REJECTED);
            assertThat(orders.get(0).getRejectReason()).isEqualTo("max-order-notional: order is worth 50, the limit is 10");
            assertThat(orders.get(0).getExchangeOrderId()).isNull();
            assertThat(driver.fills()).isEmpty();
            assertThat(driver.positions()).isEmpty();
        }
    }

    @Test
    void theExchangeFiltersOfThePaperVenueApply() {
        SymbolFilters filters = new SymbolFilters("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("0.00001"), new BigDecimal("0.00001"), BigDecimal.ZERO, new BigDecimal("100"), BigDecimal.ZERO);
        try (ExecutorDriver driver = driver(settings -> settings.withPaperFilters(Map.of("BTCUSDT", filters)))) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            OrderEvent order = driver.orders().get(0);
            assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
            assertThat(order.getRejectReason()).isEqualTo("notional: notional 50 is below the minimum 100");
        }
    }

    @Test
    void aSymbolWithoutSizeIsRejectedNamingTheKey() {
        try (ExecutorDriver driver = driver(UnaryOperator.identity())) {
            driver.signal(Signal.newBuilder(ExecutorDriver.signalRecord("A", 0, LONG, "150")).setSymbol("SOLUSDT").setSignalId("A:SOLUSDT:0").build());
            OrderEvent order = driver.orders().get(0);
            assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
            assertThat(order.getRejectReason()).startsWith("order-size: No order size for SOLUSDT").contains(ExecutorSettings.ORDER_QUANTITIES);
        }
    }

    @Test
    void aLossLimitHaltsTheInstanceAndOnlyReducingOrdersPass() {
        RiskPolicy policy = new RiskPolicy(new RiskLimits(null, null, null, null, null, new BigDecimal("0.5"), null), Map.of(),
                RiskPolicy.HaltScope.INSTANCE);
        try (ExecutorDriver driver = driver(settings -> settings.withRisk(policy))) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            driver.trade("49000", START.plusSeconds(90));
            driver.signal("A", 1, FLAT, "49000");
            List<OrderEvent> exit = driver.orders();
            assertThat(exit).hasSize(2);
            assertThat(exit.get(1).getStatus()).as("the exit reduces the position").isEqualTo(OrderStatus.FILLED);

            driver.signal("A", 2, LONG, "49000");
            OrderEvent refused = driver.orders().get(0);
            assertThat(refused.getStatus()).isEqualTo(OrderStatus.REJECTED);
            assertThat(refused.getRejectReason()).startsWith("halted: only position-reducing orders pass while halted (max-drawdown: PnL -1");

            driver.signal("B", 2, LONG, "49000");
            assertThat(driver.orders().get(0).getStatus()).as("another instance trades on").isEqualTo(OrderStatus.FILLED);
        }
    }

    @Test
    void aLimitOrderRestsAndFillsWhenTheMarketTradesThroughIt() {
        try (ExecutorDriver driver = driver(settings -> limitOrders(settings, Duration.ofMinutes(5)))) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            OrderEvent resting = driver.orders().get(0);
            assertThat(resting.getStatus()).isEqualTo(OrderStatus.NEW);
            assertThat(resting.getType()).isEqualTo(OrderType.LIMIT);
            assertThat(resting.getPrice()).as("10 bps below 50000").isEqualByComparingTo("49950");

            driver.trade("49960", START.plusSeconds(70)).trade("49950", START.plusSeconds(71));
            assertThat(driver.orders()).isEmpty();
            driver.signal("A", 1, LONG, "49950");
            assertThat(driver.orders()).as("the resting BUY already goes LONG").isEmpty();

            driver.trade("49949.99", START.plusSeconds(80));
            OrderEvent filled = driver.orders().get(0);
            assertThat(filled.getStatus()).isEqualTo(OrderStatus.FILLED);
            assertThat(filled.getAverageFillPrice()).isEqualByComparingTo("49950");
            assertThat(driver.fills()).extracting(Fill::getPrice).containsExactly(ExecutorDriver.price("49950"));
            Position position = driver.positions().get(0);
            assertThat(position.getQuantity()).isEqualByComparingTo("0.001");
            assertThat(position.getAverageEntryPrice()).isEqualByComparingTo("49950");
        }
    }

    @Test
    void aLimitOrderIsMatchedOnlyByTradesAfterItsTime() {
        try (ExecutorDriver driver = driver(settings -> limitOrders(settings, Duration.ofMinutes(5)))) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            assertThat(driver.orders()).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.NEW);

            driver.trade("49000", START.plusSeconds(59));
            assertThat(driver.orders()).as("a trade through the limit but before the order's time arrives late: no fill").isEmpty();
            assertThat(driver.fills()).isEmpty();

            driver.trade("49000", START.plusSeconds(61));
            assertThat(driver.fills()).extracting(Fill::getTradeTime).containsExactly(START.plusSeconds(61));
        }
    }

    @Test
    void aLimitOrderThatDoesNotFillExpiresOnEventTime() {
        try (ExecutorDriver driver = driver(settings -> limitOrders(settings, Duration.ofMinutes(1)))) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            assertThat(driver.orders()).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.NEW);

            driver.trade("49960", START.plusSeconds(100));
            assertThat(driver.orders()).isEmpty();
            driver.trade("49000", START.plusSeconds(120));
            List<OrderEvent> expired = driver.orders();
            assertThat(expired).extracting(OrderEvent::getStatus).as("expired before the crossing trade counts").containsExactly(OrderStatus.EXPIRED);
            assertThat(driver.fills()).isEmpty();

            driver.signal("A", 2, LONG, "49000");
            assertThat(driver.orders()).extracting(OrderEvent::getStatus).as("a new signal orders again").containsExactly(OrderStatus.NEW);
        }
    }

    @Test
    void aFlatSignalCancelsARestingBuyFirst() {
        try (ExecutorDriver driver = driver(settings -> limitOrders(settings, Duration.ofMinutes(5)))) {
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            driver.orders();
            driver.signal("A", 1, FLAT, "50000");
            assertThat(driver.orders()).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.CANCELED);
            assertThat(driver.fills()).isEmpty();
        }
    }

    @Test
    void undeserializableInputIsSkipped() {
        try (ExecutorDriver driver = driver(UnaryOperator.identity())) {
            driver.rawSignal("not avro".getBytes(StandardCharsets.UTF_8)).rawSignal(new byte[] {0, 0, 0, 0, 42});
            driver.trade("50000", START.plusSeconds(30)).signal("A", 0, LONG, "50000");
            assertThat(driver.orders()).extracting(OrderEvent::getStatus).containsExactly(OrderStatus.FILLED);
        }
    }
}
