package dev.tickflow.executor.reconcile;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.oms.OpenOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The comparison of the executor's view with the exchange account, and how each difference is resolved; no I/O.
 *
 * <p>Orders: an open order of the executor that the exchange no longer lists as open ended there (filled, canceled by
 * hand, expired), one listed with another executed quantity filled meanwhile; both are looked up. Balances of an asset
 * with an order of unknown fate in one of its symbols wait until it is resolved. Balances: for every base asset of a symbol the executor holds a position in, the
 * account's balance should be the positions' sum plus the holding that is not the executor's ({@code external}, fixed
 * when the asset is first seen). A balance that differs the same way in two comparisons in a row (one comparison may
 * race a fill) is resolved: fell by no more than the one position holding the asset → that position is corrected (a
 * sale by hand); rose → the external holding grows (a deposit or a purchase by hand, the executor's positions are
 * untouched); anything else (fell while several or no positions hold it, or by more than the position) → unexplained.
 * Observations waiting for their confirmation are kept here, in memory: after a restart they are simply made again.
 */
public final class Reconciliation {

    /** One position of an instance, in the base asset of its symbol. */
    public record Holding(String instance, String symbol, String baseAsset, BigDecimal quantity) {
    }

    /** How one balance difference (or a first sight of an asset) is resolved. */
    public sealed interface Outcome {
        String asset();
    }

    /** The asset is compared from now on; {@code external} is the account's holding that is not the executor's. */
    public record FirstSeen(String asset, BigDecimal external) implements Outcome {
    }

    /** The holder's position is corrected by an execution of {@code side} and {@code quantity} (no order of the executor's). */
    public record Corrected(String asset, Holding holder, OrderSide side, BigDecimal quantity, BigDecimal expected, BigDecimal actual)
            implements Outcome {
    }

    /** The balance rose without an order of the executor's: the external holding becomes {@code external}. */
    public record ExternalChange(String asset, BigDecimal external, BigDecimal expected, BigDecimal actual) implements Outcome {
    }

    /** A difference the executor cannot explain; the external holding becomes {@code external} so it is reported once. */
    public record Unexplained(String asset, List<Holding> holders, BigDecimal external, BigDecimal expected, BigDecimal actual)
            implements Outcome {
    }

    private final Map<String, BigDecimal> observed = new HashMap<>();

    /**
     * The executor's open orders that changed at the exchange: no longer listed as open (ended), or listed with another
     * executed quantity than the executor has seen (fills not applied yet). Orders of unknown fate are the refresh's.
     */
    public static List<OpenOrder> changedAtExchange(List<OpenOrder> executorOrders, Map<String, BigDecimal> openAtExchange) {
        return executorOrders.stream().filter(o -> !o.fateUnknown()).filter(o -> {
            BigDecimal executed = openAtExchange.get(o.request().clientOrderId());
            return executed == null || executed.compareTo(o.filledQuantity()) != 0;
        }).toList();
    }

    /** Whether an observation waits for its confirmation by the next comparison. */
    public boolean awaitsConfirmation() {
        return !observed.isEmpty();
    }

    /**
     * Compares the balances of every base asset of {@code holdings} with the positions and {@code external}; answers
     * the outcomes confirmed now, in the order of their assets. Assets in {@code unsettled} (an order in one of their
     * symbols whose fills the executor may not have yet: of unknown fate) are left out.
     */
    public List<Outcome> compareBalances(List<Holding> holdings, Map<String, BigDecimal> external, Map<String, BigDecimal> balances,
                                         Set<String> unsettled) {
        Map<String, List<Holding>> byAsset = new TreeMap<>();
        holdings.stream().filter(h -> !unsettled.contains(h.baseAsset()))
                .forEach(h -> byAsset.computeIfAbsent(h.baseAsset(), a -> new ArrayList<>()).add(h));
        observed.keySet().retainAll(byAsset.keySet());
        List<Outcome> outcomes = new ArrayList<>();
        byAsset.forEach((asset, ofAsset) -> {
            BigDecimal held = ofAsset.stream().map(Holding::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal actual = balances.getOrDefault(asset, BigDecimal.ZERO);
            BigDecimal known = external.get(asset);
            if (known == null) {
                BigDecimal candidate = actual.subtract(held);
                if (confirmed(asset, candidate)) {
                    outcomes.add(new FirstSeen(asset, candidate));
                }
                return;
            }
            BigDecimal expected = known.add(held);
            BigDecimal delta = actual.subtract(expected);
            if (delta.signum() == 0) {
                observed.remove(asset);
            } else if (confirmed(asset, delta)) {
                outcomes.add(resolve(asset, ofAsset, known, expected, actual, delta));
            }
        });
        return outcomes;
    }

    private boolean confirmed(String asset, BigDecimal value) {
        BigDecimal before = observed.put(asset, value);
        if (before != null && before.compareTo(value) == 0) {
            observed.remove(asset);
            return true;
        }
        return false;
    }

    private static Outcome resolve(String asset, List<Holding> ofAsset, BigDecimal external, BigDecimal expected, BigDecimal actual,
                                   BigDecimal delta) {
        if (delta.signum() > 0) {
            return new ExternalChange(asset, external.add(delta), expected, actual);
        }
        List<Holding> holders = ofAsset.stream().filter(h -> h.quantity().signum() != 0).toList();
        BigDecimal sold = delta.negate();
        if (holders.size() == 1 && holders.get(0).quantity().compareTo(sold) >= 0) {
            return new Corrected(asset, holders.get(0), OrderSide.SELL, sold, expected, actual);
        }
        return new Unexplained(asset, holders, external.add(delta), expected, actual);
    }

    /** For tests and logs: the observations waiting for confirmation. */
    Map<String, BigDecimal> observed() {
        return Map.copyOf(observed);
    }
}
