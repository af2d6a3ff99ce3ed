package dev.tickflow.executor.oms;

import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;

/** Where the order lifecycle publishes: oms.orders and oms.fills in the service. */
public interface OrderOutput {

    void order(OrderUpdate update);

    void fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill);
}
