package dev.tickflow.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TargetPosition;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OrderUpdate;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.order.OrderSizing;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.risk.RiskLimits;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.executor.venue.ExchangeFill;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine against an exchange ({@link ExchangeVenue}): one signal never produces two orders. */
class ExecutionEngineTest {
    private static final Instant T = Instant.parse("2025-01-01T00:01:00Z");
    private static final SignalInput ENTRY = new SignalInput("A:BTCUSDT:0", "A", "BTCUSDT", TargetPosition.LONG, new BigDecimal("50000"), T);

    private final InMemoryState state = new InMemoryState();
    private final ExchangeDouble exchange = new ExchangeDouble();
    private final SettableClock clock = new SettableClock(T);
    private final RecordingOutput output = new RecordingOutput();
    private final List<OrderUpdate> orders = output.orders;
    private final List<ExchangeFill> fills = output.fills;
    private final List<PositionState> positions = output.positions;
    private final ExecutionEngine engine = new ExecutionEngine(new OrderPolicy(OrderType.MARKET, BigDecimal.ZERO, TimeInForce.GTC, Duration.ZERO),
            new OrderSizing(Map.of(), Map.of(), "q", "n"), RiskPolicy.unlimited(), exchangeVenue(clock), state, output);

    @Test
    void anExchangeOrderMeetsTheLatestTradeNotTheSignalPrice() {
        engine.onTrade("BTCUSDT", new BigDecimal("50050"), T.minusSeconds(2));
        engine.onTrade("BTCUSDT", new BigDecimal("50100"), T.minusSeconds(1));
        engine.onSignal(ENTRY);
        assertThat(fills).extracting(ExchangeFill::price).containsExactly(new BigDecimal("50100"));
    }

    @Test
    void anOrderAlreadyAtTheExchangeIsReportedNotPlacedAgain() {
        engine.onSignal(ENTRY);
        assertThat(exchange.placeCalls).hasSize(1);
        // a crash before the commit: the state is as before the signal, the exchange has the order
        InMemoryState before = new InMemoryState();
        RecordingOutput replayed = new RecordingOutput();
        ExecutionEngine restarted = new ExecutionEngine(new OrderPolicy(OrderType.MARKET, BigDecimal.ZERO, TimeInForce.GTC, Duration.ZERO),
                new OrderSizing(Map.of(), Map.of(), "q", "n"), RiskPolicy.unlimited(), exchangeVenue(new SettableClock(T.plusSeconds(5))), before,
                replayed);
        restarted.onSignal(ENTRY);
        assertThat(exchange.placeCalls).as("placed once").hasSize(1);
        assertThat(exchange.orders).hasSize(1);
        assertThat(replayed.orders).extracting(OrderUpdate::status).containsExactly(OrderStatus.FILLED);
        assertThat(before.position("A", "BTCUSDT").orElseThrow().position().quantity()).isEqualByComparingTo("0.001");
    }

    @Test
    void aTimeoutAfterTheExchangeAcceptedIsResolvedByLookingTheOrderUp() {
        exchange.acceptThenFail = true;
        engine.onSignal(ENTRY);
        assertThat(exchange.placeCalls).containsExactly(ClientOrderIds.of(ENTRY.signalId()));
        assertThat(orders).extracting(OrderUpdate::status).containsExactly(OrderStatus.FILLED);
        assertThat(fills).hasSize(1);
        assertThat(positions.get(0).quantity()).isEqualByComparingTo("0.001");
        assertThat(state.allOpenOrders()).isEmpty();
    }

    @Test
    void anOrderOfUnknownFateIsLookedUpOnRefreshNeverPlacedAgain() {
        exchange.failBeforeAccepting = true;
        engine.onSignal(ENTRY);
        assertThat(orders).as("nothing known yet").isEmpty();
        assertThat(state.allOpenOrders()).singleElement().matches(OpenOrder::fateUnknown);

        clock.set(T.plusSeconds(1));
        engine.onSignal(ENTRY);
        engine.refreshResting(T.plusSeconds(5));
        assertThat(exchange.placeCalls).as("the duplicate signal and the refresh place nothing").hasSize(1);
        assertThat(state.allOpenOrders()).hasSize(1);

        engine.refreshResting(T.plusSeconds(61));
        assertThat(orders).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(update.rejectReason()).startsWith("order-fate-unknown:");
        });
        assertThat(state.allOpenOrders()).isEmpty();
        assertThat(exchange.placeCalls).hasSize(1);
    }

    @Test
    void aFailedLookupKeepsTheOrderUnknown() {
        exchange.acceptThenFail = true;
        exchange.findFailsAfterPlacing = true;
        engine.onSignal(ENTRY);
        assertThat(state.allOpenOrders()).singleElement().matches(OpenOrder::fateUnknown);
        exchange.findFailsAfterPlacing = false;
        engine.refreshResting(T.plusSeconds(5));
        assertThat(orders).extracting(OrderUpdate::status).containsExactly(OrderStatus.FILLED);
        assertThat(exchange.placeCalls).hasSize(1);
        assertThat(state.allOpenOrders()).isEmpty();
    }

    @Test
    void withoutAnswerWhetherTheOrderExistsNothingIsPlaced() {
        exchange.findFails = true;
        engine.onSignal(ENTRY);
        assertThat(exchange.placeCalls).isEmpty();
        assertThat(state.allOpenOrders()).singleElement().matches(OpenOrder::fateUnknown);
        engine.refreshResting(T.plusSeconds(120));
        assertThat(orders).as("a failing lookup is retried, never taken as an answer").isEmpty();
        assertThat(exchange.placeCalls).isEmpty();
        assertThat(state.allOpenOrders()).hasSize(1);
    }

    @Test
    void aFailedCancelRejectsTheSignalWithItsReasonAndKeepsTheRestingOrder() {
        ExecutionEngine limitEngine = new ExecutionEngine(new OrderPolicy(OrderType.LIMIT, new BigDecimal("100"), TimeInForce.GTC, Duration.ZERO),
                new OrderSizing(Map.of(), Map.of(), "q", "n"), RiskPolicy.unlimited(), exchangeVenue(clock), state, output);
        exchange.restingLimitOrders = true;
        limitEngine.onSignal(ENTRY);
        assertThat(state.allOpenOrders()).hasSize(1);
        exchange.cancelFails = true;
        SignalInput exit = new SignalInput("A:BTCUSDT:60000", "A", "BTCUSDT", TargetPosition.FLAT, new BigDecimal("50000"), T);
        limitEngine.onSignal(exit);
        assertThat(orders).last().satisfies(update -> {
            assertThat(update.order().clientOrderId()).isEqualTo(ClientOrderIds.of(exit.signalId()));
            assertThat(update.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(update.rejectReason()).startsWith("cancel-failed:").contains("outcome unknown");
        });
        assertThat(state.allOpenOrders()).as("the resting order stays, refreshed as before").hasSize(1);
    }

    @Test
    void unavailableExchangeInfoRejectsTheSignalWithoutPlacing() {
        exchange.filtersFail = true;
        engine.onSignal(ENTRY);
        assertThat(exchange.placeCalls).isEmpty();
        assertThat(orders).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(update.rejectReason()).startsWith("exchange-info-unavailable:");
        });
    }

    @Test
    void aRefusedPlacementIsANamedRejection() {
        exchange.refusePlacement = true;
        engine.onSignal(ENTRY);
        assertThat(orders).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(update.rejectReason()).isEqualTo("rate-limited: test");
        });
        assertThat(state.allOpenOrders()).isEmpty();
    }

    @Test
    void aStaleSignalIsRejectedUnlessItsOrderIsAtTheExchangeAlready() {
        ExecutionEngine bounded = new ExecutionEngine(new OrderPolicy(OrderType.MARKET, BigDecimal.ZERO, TimeInForce.GTC, Duration.ZERO),
                new OrderSizing(Map.of(), Map.of(), "q", "n"),
                new RiskPolicy(new RiskLimits(null, null, null, null, null, null, Duration.ofMinutes(2)), Map.of(), RiskPolicy.HaltScope.INSTANCE),
                exchangeVenue(clock), state, output);
        clock.set(T.plusSeconds(121));
        bounded.onSignal(ENTRY);
        assertThat(orders).singleElement().satisfies(update -> {
            assertThat(update.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(update.rejectReason()).startsWith("stale-signal:");
        });
        assertThat(exchange.placeCalls).isEmpty();

        SignalInput placedBeforeACrash = new SignalInput("A:BTCUSDT:1", "A", "BTCUSDT", TargetPosition.LONG, new BigDecimal("50000"), T);
        clock.set(T);
        engine.onSignal(placedBeforeACrash);
        orders.clear();
        InMemoryState replayedState = new InMemoryState();
        RecordingOutput replayed = new RecordingOutput();
        new ExecutionEngine(new OrderPolicy(OrderType.MARKET, BigDecimal.ZERO, TimeInForce.GTC, Duration.ZERO), new OrderSizing(Map.of(), Map.of(), "q", "n"),
                new RiskPolicy(new RiskLimits(null, null, null, null, null, null, Duration.ofMinutes(2)), Map.of(), RiskPolicy.HaltScope.INSTANCE),
                exchangeVenue(new SettableClock(T.plusSeconds(600))), replayedState, replayed).onSignal(placedBeforeACrash);
        assertThat(replayed.orders).as("adopted, not rejected").extracting(OrderUpdate::status).containsExactly(OrderStatus.FILLED);
        assertThat(exchange.placeCalls).hasSize(1);
    }

    private ExecutionVenue exchangeVenue(Clock engineClock) {
        return new ExchangeVenue(exchange, Duration.ofSeconds(5), engineClock);
    }
}
