package dev.tickflow.executor.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.reconcile.Reconciliation.Corrected;
import dev.tickflow.executor.reconcile.Reconciliation.ExternalChange;
import dev.tickflow.executor.reconcile.Reconciliation.FirstSeen;
import dev.tickflow.executor.reconcile.Reconciliation.Holding;
import dev.tickflow.executor.reconcile.Reconciliation.Outcome;
import dev.tickflow.executor.reconcile.Reconciliation.Unexplained;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final Holding A = new Holding("A", "BTCUSDT", "BTC", new BigDecimal("0.002"));
    private static final Map<String, BigDecimal> EXTERNAL = Map.of("BTC", new BigDecimal("1"));

    private final Reconciliation reconciliation = new Reconciliation();

    @Test
    void anOrderEndedOrFilledFurtherAtTheExchangeIsLookedUpOrdersOfUnknownFateAreLeftToTheRefresh() {
        OpenOrder ended = order("c-1", false);
        OpenOrder unchanged = order("c-2", false);
        OpenOrder unknown = order("c-3", true);
        OpenOrder filledFurther = order("c-4", false);

        assertThat(Reconciliation.changedAtExchange(List.of(ended, unchanged, unknown, filledFurther),
                Map.of("c-2", new BigDecimal("0.00000000"), "c-4", new BigDecimal("0.0005"))))
                .containsExactly(ended, filledFurther);
    }

    @Test
    void anAssetWithAnOrderOfUnknownFateIsNotComparedItsFillsMayBeInTheBalanceOnly() {
        Map<String, BigDecimal> ahead = Map.of("BTC", new BigDecimal("1.003"));
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, ahead, Set.of("BTC"))).isEmpty();
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, ahead, Set.of("BTC"))).isEmpty();
        assertThat(reconciliation.awaitsConfirmation()).isFalse();
    }

    @Test
    void anAssetSeenTheFirstTimeFixesTheHoldingThatIsNotTheExecutorsOnceConfirmed() {
        Map<String, BigDecimal> balances = Map.of("BTC", new BigDecimal("1.002"));

        assertThat(reconciliation.compareBalances(List.of(A), Map.of(), balances, Set.of())).isEmpty();
        assertThat(reconciliation.awaitsConfirmation()).isTrue();
        assertThat(reconciliation.compareBalances(List.of(A), Map.of(), balances, Set.of()))
                .containsExactly(new FirstSeen("BTC", new BigDecimal("1.000")));
        assertThat(reconciliation.awaitsConfirmation()).isFalse();
    }

    @Test
    void balancesThatMatchThePositionsGiveNothing() {
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, Map.of("BTC", new BigDecimal("1.00200")), Set.of())).isEmpty();
        assertThat(reconciliation.awaitsConfirmation()).isFalse();
    }

    @Test
    void aDifferenceSeenOnceIsADifferenceRacingAFillAndGoesWhenTheFillIsApplied() {
        Map<String, BigDecimal> filledMeanwhile = Map.of("BTC", new BigDecimal("1.003"));
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, filledMeanwhile, Set.of())).isEmpty();

        Holding afterFill = new Holding("A", "BTCUSDT", "BTC", new BigDecimal("0.003"));
        assertThat(reconciliation.compareBalances(List.of(afterFill), EXTERNAL, filledMeanwhile, Set.of())).isEmpty();
        assertThat(reconciliation.awaitsConfirmation()).isFalse();
    }

    @Test
    void aBalanceThatFellByNoMoreThanTheOnePositionHoldingItCorrectsThatPosition() {
        Map<String, BigDecimal> soldByHand = Map.of("BTC", new BigDecimal("1.0005"));

        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, soldByHand, Set.of())).isEmpty();
        List<Outcome> outcomes = reconciliation.compareBalances(List.of(A), EXTERNAL, soldByHand, Set.of());

        assertThat(outcomes).containsExactly(new Corrected("BTC", A, OrderSide.SELL, new BigDecimal("0.0015"), new BigDecimal("1.002"),
                new BigDecimal("1.0005")));
    }

    @Test
    void aBalanceThatRoseGrowsTheHoldingThatIsNotTheExecutors() {
        Map<String, BigDecimal> deposit = Map.of("BTC", new BigDecimal("3.002"));
        reconciliation.compareBalances(List.of(A), EXTERNAL, deposit, Set.of());

        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, deposit, Set.of()))
                .containsExactly(new ExternalChange("BTC", new BigDecimal("3.000"), new BigDecimal("1.002"), new BigDecimal("3.002")));
    }

    @Test
    void aFallNoSinglePositionExplainsIsUnexplained() {
        Holding b = new Holding("B", "BTCUSDT", "BTC", new BigDecimal("0.001"));
        Map<String, BigDecimal> fell = Map.of("BTC", new BigDecimal("1.0025"));
        reconciliation.compareBalances(List.of(A, b), EXTERNAL, fell, Set.of());
        assertThat(reconciliation.compareBalances(List.of(A, b), EXTERNAL, fell, Set.of())).containsExactly(new Unexplained("BTC", List.of(A, b),
                new BigDecimal("0.9995"), new BigDecimal("1.003"), new BigDecimal("1.0025")));

        Reconciliation other = new Reconciliation();
        Map<String, BigDecimal> fellMoreThanHeld = Map.of("BTC", new BigDecimal("0.5"));
        other.compareBalances(List.of(A), EXTERNAL, fellMoreThanHeld, Set.of());
        assertThat(other.compareBalances(List.of(A), EXTERNAL, fellMoreThanHeld, Set.of())).singleElement().isInstanceOf(Unexplained.class);
    }

    @Test
    void anAssetMissingFromTheAccountHasABalanceOfZero() {
        reconciliation.compareBalances(List.of(A), EXTERNAL, Map.of(), Set.of());
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, Map.of(), Set.of())).singleElement()
                .isInstanceOfSatisfying(Unexplained.class, u -> assertThat(u.actual()).isZero());
    }

    private static OpenOrder order(String clientOrderId, boolean fateUnknown) {
        OrderRequest request = new OrderRequest(clientOrderId, "s-" + clientOrderId, "A", "BTCUSDT", OrderSide.BUY, OrderType.LIMIT,
                new BigDecimal("0.001"), new BigDecimal("59000"), TimeInForce.GTC, null, Instant.parse("2026-01-01T00:00:00Z"));
        return fateUnknown ? OpenOrder.fateUnknown(request, null) : OpenOrder.placed(request, null);
    }
}
