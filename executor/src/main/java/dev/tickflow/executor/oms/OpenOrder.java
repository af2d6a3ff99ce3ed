package dev.tickflow.executor.oms;

import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.model.OrderStatus;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order that is not final yet, at most one per strategy instance and symbol.
 *
 * @param exchangeOrderId null until the broker answered
 * @param status          the status last published
 * @param fillsSeen       how many of the broker's fills were already published
 * @param fateUnknown     placing it failed without an answer and the broker did not know it yet: it is looked up, never placed again
 * @param signalPrice     the fallback price of the order's market snapshots
 */
public record OpenOrder(OrderRequest request, String exchangeOrderId, OrderStatus status, BigDecimal filledQuantity, int fillsSeen,
                        boolean fateUnknown, BigDecimal signalPrice) {

    public OpenOrder {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
    }

    public static OpenOrder placed(OrderRequest request, BigDecimal signalPrice) {
        return new OpenOrder(request, null, OrderStatus.NEW, BigDecimal.ZERO, 0, false, signalPrice);
    }
}
