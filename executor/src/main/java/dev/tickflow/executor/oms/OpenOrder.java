package dev.tickflow.executor.oms;

import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.StopTrigger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order that is not final yet, at most one per strategy instance and symbol.
 *
 * @param exchangeOrderId null until the venue answered
 * @param status          the status last published
 * @param fillsSeen       how many of the venue's fills were already published
 * @param fateUnknown     placing it failed without an answer and the venue did not know it yet: it is looked up, never placed again
 * @param signalPrice     the fallback price of the order's market snapshots
 * @param trigger         a paper stop order's way to its trigger, as its last report said; null otherwise
 */
public record OpenOrder(OrderRequest request, String exchangeOrderId, OrderStatus status, BigDecimal filledQuantity, int fillsSeen,
                        boolean fateUnknown, BigDecimal signalPrice, StopTrigger trigger) {

    public OpenOrder {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
    }

    public OpenOrder(OrderRequest request, String exchangeOrderId, OrderStatus status, BigDecimal filledQuantity, int fillsSeen,
                     boolean fateUnknown, BigDecimal signalPrice) {
        this(request, exchangeOrderId, status, filledQuantity, fillsSeen, fateUnknown, signalPrice, null);
    }

    /** An order on its way to the venue: nothing published of it yet. */
    public static OpenOrder placed(OrderRequest request, BigDecimal signalPrice) {
        return new OpenOrder(request, null, OrderStatus.NEW, BigDecimal.ZERO, 0, false, signalPrice);
    }

    /** An order the venue may or may not have: to be looked up by its client order id, never placed again. */
    public static OpenOrder fateUnknown(OrderRequest request, BigDecimal signalPrice) {
        return new OpenOrder(request, null, OrderStatus.NEW, BigDecimal.ZERO, 0, true, signalPrice);
    }

    /** This order, whose state the venue could not confirm (it does not find it): looked up again, what was published of it kept. */
    public OpenOrder asFateUnknown() {
        return new OpenOrder(request, exchangeOrderId, status, filledQuantity, fillsSeen, true, signalPrice, trigger);
    }

    /** Whether the executor cancels it at {@code now}: a resting order past its expiry. */
    public boolean isExpiredAt(Instant now) {
        return request.expiresAt() != null && !now.isBefore(request.expiresAt());
    }
}
