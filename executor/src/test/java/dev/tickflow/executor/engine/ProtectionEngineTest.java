package dev.tickflow.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.Protection;
import dev.tickflow.executor.model.TargetPosition;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OrderUpdate;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.order.OrderSizing;
import dev.tickflow.executor.order.ProtectionPolicies;
import dev.tickflow.executor.order.ProtectionPolicy;
import dev.tickflow.executor.order.ProtectiveOrders;
import dev.tickflow.executor.paper.PaperVenue;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exchange-held protection: placed after an entry fills, triggered by trades, canceled before an exit, placed once across a crash. */
class ProtectionEngineTest {
    private static final Instant T = Instant.parse("2025-01-01T00:01:00Z");
    /** A signal with the strategy's stop 2 % below its price. */
    private static final SignalInput ENTRY = new SignalInput("A:BTCUSDT:0", "A", "BTCUSDT", TargetPosition.LONG, new BigDecimal("50000"), T,
            new BigDecimal("49000"));
    private static final String ENTRY_ID = ClientOrderIds.of(ENTRY.signalId());

    private final InMemoryState state = new InMemoryState();
    private final RecordingOutput output = new RecordingOutput();

    private static ProtectionPolicies policy(ProtectionPolicy.Mode mode) {
        ProtectionPolicy p = ProtectionPolicy.STRATEGY_ONLY;
        return new ProtectionPolicies(new ProtectionPolicy(mode, p.stopFraction(), p.takeProfitFraction(), 300, p.limitOffsetFraction()),
                Map.of());
    }

    private ExecutionEngine engine(ProtectionPolicy.Mode mode, ExecutionVenue venue, InMemoryState into, RecordingOutput out) {
        return new ExecutionEngine(new OrderPolicy(OrderType.MARKET, BigDecimal.ZERO, TimeInForce.GTC, Duration.ZERO),
                new OrderSizing(Map.of(), Map.of(), "q", "n"), RiskPolicy.unlimited(), policy(mode), venue, into, out);
    }

    private ExecutionEngine paper(ProtectionPolicy.Mode mode) {
        return engine(mode, new SimulatedVenue(new PaperVenue(BigDecimal.ZERO, BigDecimal.ZERO, Map.of())), state, output);
    }

    private List<OrderUpdate> protectiveEvents() {
        return output.orders.stream().filter(update -> update.order().isProtective()).toList();
    }

    private BigDecimal held() {
        return state.position("A", "BTCUSDT").orElseThrow().position().quantity();
    }

    @Test
    void anEntryFillPlacesOneStopAtTheStrategysDistanceWithAnIdDerivedFromTheFill() {
        paper(ProtectionPolicy.Mode.EXCHANGE_STOP).onSignal(ENTRY);
        OpenOrder stop = state.protectiveOrder("A", "BTCUSDT").orElseThrow();
        OrderRequest request = stop.request();
        assertThat(request.type()).isEqualTo(OrderType.STOP_LOSS_LIMIT);
        assertThat(request.side()).isEqualTo(OrderSide.SELL);
        assertThat(request.quantity()).isEqualByComparingTo("0.001");
        assertThat(request.stopPrice()).isEqualByComparingTo("49000");
        assertThat(request.limitPrice()).as("0.5 % below the stop").isEqualByComparingTo("48755");
        assertThat(request.clientOrderId()).isEqualTo(ProtectiveOrders.clientOrderId(ENTRY_ID, output.fills.get(0)));
        assertThat(protectiveEvents()).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(OrderStatus.NEW);
            assertThat(event.order().protection()).isEqualTo(Protection.STOP_LOSS);
            assertThat(event.order().stop().protectsClientOrderId()).isEqualTo(ENTRY_ID);
        });
    }

    @Test
    void aTradeAtTheStopFillsItAndTheFillFlattensThePosition() {
        ExecutionEngine engine = paper(ProtectionPolicy.Mode.EXCHANGE_STOP);
        engine.onSignal(ENTRY);
        engine.onTrade("BTCUSDT", new BigDecimal("49500"), T.plusSeconds(1));
        assertThat(held()).isEqualByComparingTo("0.001");
        engine.onTrade("BTCUSDT", new BigDecimal("49000"), T.plusSeconds(2));
        assertThat(held()).isEqualByComparingTo("0");
        assertThat(output.fills).extracting(ExchangeFill::price).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("5E+4"), new BigDecimal("4.9E+4"));
        assertThat(protectiveEvents()).extracting(OrderUpdate::status).containsExactly(OrderStatus.NEW, OrderStatus.FILLED);
        assertThat(state.allOpenOrders()).isEmpty();
    }

    @Test
    void anOcoFilledByItsTakeProfitLegEndsFlatWithTheStopLegGone() {
        ExecutionEngine engine = paper(ProtectionPolicy.Mode.EXCHANGE_OCO);
        engine.onSignal(ENTRY);
        OrderRequest oco = state.protectiveOrder("A", "BTCUSDT").orElseThrow().request();
        assertThat(oco.stop().takeProfitPrice()).as("4 % above the entry").isEqualByComparingTo("52000");
        assertThat(oco.stop().orderListId()).isEqualTo(oco.clientOrderId() + "-list");
        engine.onTrade("BTCUSDT", new BigDecimal("52000.5"), T.plusSeconds(1));
        assertThat(held()).isEqualByComparingTo("0");
        assertThat(output.fills.get(1).price()).isEqualByComparingTo("52000");
        assertThat(state.allOpenOrders()).isEmpty();
        engine.onTrade("BTCUSDT", new BigDecimal("40000"), T.plusSeconds(2));
        assertThat(output.fills).as("the stop leg never fills after").hasSize(2);
    }

    @Test
    void aTrailingStopFollowsTheMarketUpAndSellsWhenItFallsBack() {
        ExecutionEngine engine = paper(ProtectionPolicy.Mode.EXCHANGE_TRAILING);
        engine.onSignal(ENTRY);
        assertThat(state.protectiveOrder("A", "BTCUSDT").orElseThrow().request().trailingDelta()).isEqualTo(300);
        engine.onTrade("BTCUSDT", new BigDecimal("60000"), T.plusSeconds(1));
        engine.onTrade("BTCUSDT", new BigDecimal("58300"), T.plusSeconds(2));
        assertThat(held()).isEqualByComparingTo("0.001");
        engine.onTrade("BTCUSDT", new BigDecimal("58200"), T.plusSeconds(3));
        assertThat(held()).as("3 % below the high of 60000").isEqualByComparingTo("0");
        assertThat(output.fills.get(1).price()).isEqualByComparingTo("58200");
    }

    @Test
    void anExitSignalCancelsTheProtectiveOrderFirstThenSells() {
        ExecutionEngine engine = paper(ProtectionPolicy.Mode.EXCHANGE_STOP);
        engine.onSignal(ENTRY);
        engine.onSignal(new SignalInput("A:BTCUSDT:1", "A", "BTCUSDT", TargetPosition.FLAT, new BigDecimal("51000"), T.plusSeconds(60)));
        assertThat(output.orders).extracting(update -> update.order().isProtective() + " " + update.status())
                .containsExactly("false FILLED", "true NEW", "true CANCELED", "false FILLED");
        assertThat(held()).isEqualByComparingTo("0");
        assertThat(state.allOpenOrders()).isEmpty();
    }

    @Test
    void theStrategyModePlacesNothing() {
        paper(ProtectionPolicy.Mode.STRATEGY).onSignal(ENTRY);
        assertThat(state.allOpenOrders()).isEmpty();
        assertThat(output.orders).hasSize(1);
    }

    @Test
    void aCrashBetweenTheEntryFillAndTheStopPlacementPlacesTheStopOnceAfterTheRestart() {
        ExchangeDouble exchange = new ExchangeDouble();
        exchange.restingLimitOrders = true;
        engine(ProtectionPolicy.Mode.EXCHANGE_STOP, new ExchangeVenue(exchange, Duration.ofSeconds(5), new SettableClock(T)), state, output)
                .onSignal(ENTRY);
        assertThat(exchange.placeCalls).hasSize(2);
        // the transaction never committed: the state is as before the signal, the exchange has both orders
        InMemoryState restartedState = new InMemoryState();
        engine(ProtectionPolicy.Mode.EXCHANGE_STOP, new ExchangeVenue(exchange, Duration.ofSeconds(5), new SettableClock(T.plusSeconds(5))),
                restartedState, new RecordingOutput()).onSignal(ENTRY);
        assertThat(exchange.placeCalls).as("the entry and its stop, each once").hasSize(2);
        assertThat(restartedState.protectiveOrder("A", "BTCUSDT")).isPresent();
        assertThat(restartedState.position("A", "BTCUSDT").orElseThrow().position().quantity()).isEqualByComparingTo("0.001");
    }
}
