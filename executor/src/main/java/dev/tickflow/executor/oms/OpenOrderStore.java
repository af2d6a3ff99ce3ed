package dev.tickflow.executor.oms;

import java.util.List;
import java.util.Optional;

/** Where the open orders are kept: a state store in the service. */
public interface OpenOrderStore {

    Optional<OpenOrder> openOrder(String instance, String symbol);

    void putOpenOrder(OpenOrder order);

    void removeOpenOrder(String instance, String symbol);

    List<OpenOrder> openOrdersOf(String symbol);

    List<OpenOrder> allOpenOrders();
}
