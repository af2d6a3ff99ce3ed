package dev.tickflow.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TargetPosition;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.oms.OrderUpdate;
import dev.tickflow.executor.order.OrderSizing;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.reconcile.AccountWatch;
import dev.tickflow.executor.reconcile.ExchangeAccount;
import dev.tickflow.executor.reconcile.ReconcileSettings;
import dev.tickflow.executor.reconcile.Reconciler;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.executor.risk.TradingState;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reconciliation applied through the engine's parts, against an exchange double and an account held in a map. */
class ReconcilerTest {
    private static final Instant T = Instant.parse("2026-01-01T00:01:00Z");

    private final InMemoryState state = new InMemoryState();
    private final ExchangeDouble exchange = new ExchangeDouble();
    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final List<OpsEvent> ops = new ArrayList<>();
    private final RecordingOutput recorded = new RecordingOutput();
    private final ExecutionEngine engine = new ExecutionEngine(new OrderPolicy(OrderType.MARKET, BigDecimal.ZERO, TimeInForce.GTC, Duration.ZERO),
            new OrderSizing(Map.of(), Map.of(), "q", "n"), RiskPolicy.unlimited(),
            new ExchangeVenue(exchange, Duration.ofSeconds(5), new SettableClock(T)), state, new ExecutorOutput() {
                @Override
                public void order(OrderUpdate update) {
                    recorded.order(update);
                }

                @Override
                public void fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill) {
                    recorded.fill(order, exchangeOrderId, fill);
                }

                @Override
                public void position(String instance, String symbol, PositionState position, Instant time) {
                    recorded.position(instance, symbol, position, time);
                }

                @Override
                public void operational(OpsEvent event) {
                    ops.add(event);
                }
            });
    private final ExchangeAccount account = new ExchangeAccount() {
        @Override
        public Map<String, BigDecimal> openOrders() {
            return Map.of();
        }

        @Override
        public Map<String, BigDecimal> balances() {
            return Map.copyOf(balances);
        }
    };

    @Test
    void aSaleByHandCorrectsTheOnePositionHoldingTheAsset() {
        buy("A");
        Reconciler reconciler = reconciler(true);
        balances.put("BTC", new BigDecimal("0.501")); // 0.5 was there before the executor
        rounds(reconciler, 2);

        balances.put("BTC", new BigDecimal("0.5004"));
        rounds(reconciler, 2);

        assertThat(state.position("A", "BTCUSDT").orElseThrow().position().quantity()).isEqualByComparingTo("0.0004");
        assertThat(ops).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(Reconciler.KIND);
            assertThat(event.severity()).isEqualTo("WARNING");
            assertThat(event.instance()).isEqualTo("A");
            assertThat(event.details()).containsEntry("difference", "balance-fell");
            assertThat(new BigDecimal(event.details().get("position"))).isEqualByComparingTo("0.0004");
        });
        assertThat(tradingState("A")).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void aDifferenceNoPositionExplainsRaisesACriticalAlertAndHaltsTheInstancesHoldingTheAsset() {
        Reconciler reconciler = twoHoldersThenAFallOf0005(true);

        assertThat(ops).extracting(OpsEvent::kind, OpsEvent::severity).containsExactly(
                tuple(Reconciler.KIND, "CRITICAL"),
                tuple("HALTED", "CRITICAL"),
                tuple("HALTED", "CRITICAL"));
        assertThat(ops.get(0).details()).containsEntry("difference", "unexplained").containsEntry("instances", "A,B");
        assertThat(new BigDecimal(ops.get(0).details().get("expected"))).isEqualByComparingTo("0.002");
        assertThat(new BigDecimal(ops.get(0).details().get("actual"))).isEqualByComparingTo("0.0015");
        assertThat(tradingState("A")).isEqualTo(TradingState.HALTED);
        assertThat(tradingState("B")).isEqualTo(TradingState.HALTED);
        assertThat(state.position("A", "BTCUSDT").orElseThrow().position().quantity()).as("positions untouched").isEqualByComparingTo("0.001");

        rounds(reconciler, 2);
        assertThat(ops).as("reported once").hasSize(3);
    }

    @Test
    void withoutTheHaltOptionAnUnexplainedDifferenceOnlyAlerts() {
        twoHoldersThenAFallOf0005(false);

        assertThat(ops).extracting(OpsEvent::kind).containsExactly(Reconciler.KIND);
        assertThat(tradingState("A")).isEqualTo(TradingState.ACTIVE);
    }

    /** A and B hold 0.001 BTC each, all of the account's; then the balance falls by 0.0005, which neither alone explains. */
    private Reconciler twoHoldersThenAFallOf0005(boolean haltOnUnexplained) {
        buy("A");
        buy("B");
        Reconciler reconciler = reconciler(haltOnUnexplained);
        balances.put("BTC", new BigDecimal("0.002"));
        rounds(reconciler, 2);
        balances.put("BTC", new BigDecimal("0.0015"));
        rounds(reconciler, 2);
        return reconciler;
    }

    private TradingState tradingState(String instance) {
        return state.risk(instance).halt() == null ? TradingState.ACTIVE : state.risk(instance).halt().state();
    }

    private Reconciler reconciler(boolean haltOnUnexplained) {
        return engine.reconciler(new AccountWatch(account, null, ReconcileSettings.defaults().withHaltOnUnexplained(haltOnUnexplained)));
    }

    private static void rounds(Reconciler reconciler, int count) {
        for (int i = 0; i < count; i++) {
            reconciler.reconcile(T.plusSeconds(i + 1));
        }
    }

    private void buy(String instance) {
        engine.onSignal(new SignalInput(instance + ":BTCUSDT:0", instance, "BTCUSDT", TargetPosition.LONG, new BigDecimal("50000"), T));
    }
}
