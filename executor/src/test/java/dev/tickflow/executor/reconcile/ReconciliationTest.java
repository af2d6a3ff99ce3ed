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
    void anOpenOrderTheExchangeNoLongerListsEndedThereOrdersOfUnknownFateAreLeftToTheRefresh() {
        OpenOrder resting = order("c-1", false);
        OpenOrder stillOpen = order("c-2", false);
        OpenOrder unknown = order("c-3", true);

        assertThat(Reconciliation.endedAtExchange(List.of(resting, stillOpen, unknown), Set.of("c-2")))
                .containsExactly(resting);
    }

    @Test
    void anAssetSeenTheFirstTimeFixesTheHoldingThatIsNotTheExecutorsOnceConfirmed() {
        Map<String, BigDecimal> balances = Map.of("BTC", new BigDecimal("1.002"));

        assertThat(reconciliation.compareBalances(List.of(A), Map.of(), balances)).isEmpty();
        assertThat(reconciliation.awaitsConfirmation()).isTrue();
        assertThat(reconciliation.compareBalances(List.of(A), Map.of(), balances))
                .containsExactly(new FirstSeen("BTC", new BigDecimal("1.000")));
        assertThat(reconciliation.awaitsConfirmation()).isFalse();
    }

    @Test
    void balancesThatMatchThePositionsGiveNothing() {
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, Map.of("BTC", new BigDecimal("1.00200")))).isEmpty();
        assertThat(reconciliation.awaitsConfirmation()).isFalse();
    }

    @Test
    void aDifferenceSeenOnceIsADifferenceRacingAFillAndGoesWhenTheFillIsApplied() {
        Map<String, BigDecimal> filledMeanwhile = Map.of("BTC", new BigDecimal("1.003"));
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, filledMeanwhile)).isEmpty();

        Holding afterFill = new Holding("A", "BTCUSDT", "BTC", new BigDecimal("0.003"));
        assertThat(reconciliation.compareBalances(List.of(afterFill), EXTERNAL, filledMeanwhile)).isEmpty();
        assertThat(reconciliation.awaitsConfirmation()).isFalse();
    }

    @Test
    void aBalanceThatFellByNoMoreThanTheOnePositionHoldingItCorrectsThatPosition() {
        Map<String, BigDecimal> soldByHand = Map.of("BTC", new BigDecimal("1.0005"));

        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, soldByHand)).isEmpty();
        List<Outcome> outcomes = reconciliation.compareBalances(List.of(A), EXTERNAL, soldByHand);

        assertThat(outcomes).containsExactly(new Corrected("BTC", A, OrderSide.SELL, new BigDecimal("0.0015"), new BigDecimal("1.002"),
                new BigDecimal("1.0005")));
    }

    @Test
    void aBalanceThatRoseGrowsTheHoldingThatIsNotTheExecutors() {
        Map<String, BigDecimal> deposit = Map.of("BTC", new BigDecimal("3.002"));
        reconciliation.compareBalances(List.of(A), EXTERNAL, deposit);

        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, deposit))
                .containsExactly(new ExternalChange("BTC", new BigDecimal("3.000"), new BigDecimal("1.002"), new BigDecimal("3.002")));
    }

    @Test
    void aFallNoSinglePositionExplainsIsUnexplained() {
        Holding b = new Holding("B", "BTCUSDT", "BTC", new BigDecimal("0.001"));
        Map<String, BigDecimal> fell = Map.of("BTC", new BigDecimal("1.0025"));
        reconciliation.compareBalances(List.of(A, b), EXTERNAL, fell);
        assertThat(reconciliation.compareBalances(List.of(A, b), EXTERNAL, fell)).containsExactly(new Unexplained("BTC", List.of(A, b),
                new BigDecimal("0.9995"), new BigDecimal("1.003"), new BigDecimal("1.0025")));

        Reconciliation other = new Reconciliation();
        Map<String, BigDecimal> fellMoreThanHeld = Map.of("BTC", new BigDecimal("0.5"));
        other.compareBalances(List.of(A), EXTERNAL, fellMoreThanHeld);
        assertThat(other.compareBalances(List.of(A), EXTERNAL, fellMoreThanHeld)).singleElement().isInstanceOf(Unexplained.class);
    }

    @Test
    void anAssetMissingFromTheAccountHasABalanceOfZero() {
        reconciliation.compareBalances(List.of(A), EXTERNAL, Map.of());
        assertThat(reconciliation.compareBalances(List.of(A), EXTERNAL, Map.of())).singleElement()
                .isInstanceOfSatisfying(Unexplained.class, u -> assertThat(u.actual()).isZero());
    }

    private static OpenOrder order(String clientOrderId, boolean fateUnknown) {
        OrderRequest request = new OrderRequest(clientOrderId, "s-" + clientOrderId, "A", "BTCUSDT", OrderSide.BUY, OrderType.LIMIT,
                new BigDecimal("0.001"), new BigDecimal("59000"), TimeInForce.GTC, null, Instant.parse("2026-01-01T00:00:00Z"));
        return fateUnknown ? OpenOrder.fateUnknown(request, null) : OpenOrder.placed(request, null);
    }
}
