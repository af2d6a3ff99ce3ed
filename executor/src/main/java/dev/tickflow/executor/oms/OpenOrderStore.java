package dev.tickflow.executor.oms;

import dev.tickflow.executor.venue.OrderRequest;
import java.util.List;
import java.util.Optional;

/**
 * Where the open orders are kept: a state store in the service. Each strategy instance and symbol has two slots: the
 * order of its latest signal, and its protective order held by the exchange; both are keyed by {@link #slot}.
 */
public interface OpenOrderStore {
    /** What the slot of an instance's protective order appends to the instance's name. */
    String PROTECTIVE_SLOT = "|protective";

    /** The slot of {@code order}: its instance, or its instance's protective slot. */
    static String slot(OrderRequest order) {
        return order.isProtective() ? order.strategyInstance() + PROTECTIVE_SLOT : order.strategyInstance();
    }

    /** The order of an instance's latest signal in {@code symbol}, when it is not final yet. */
    Optional<OpenOrder> openOrder(String slot, String symbol);

    /** The instance's protective order in {@code symbol}, when it is not final yet. */
    default Optional<OpenOrder> protectiveOrder(String instance, String symbol) {
        return openOrder(instance + PROTECTIVE_SLOT, symbol);
    }

    /** Keeps {@code order} in its {@link #slot}. */
    void putOpenOrder(OpenOrder order);

    void removeOpenOrder(String slot, String symbol);

    List<OpenOrder> openOrdersOf(String symbol);

    List<OpenOrder> allOpenOrders();
}
