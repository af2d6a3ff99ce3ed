package dev.tickflow.executor.engine;

import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** Where the engine's results go: oms.orders, oms.fills and oms.positions in the service. */
public interface ExecutorOutput {

    /**
     * One step of an order's life.
     *
     * @param averageFillPrice null without fills
     * @param rejectReason     the rule or the broker's message for REJECTED, else null
     */
    record OrderUpdate(OrderRequest order, String broker, OrderStatus status, String exchangeOrderId, BigDecimal filledQuantity,
                       BigDecimal averageFillPrice, String rejectReason, Instant time) {
    }

    void order(OrderUpdate update);

    void fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill);

    void position(String instance, String symbol, PositionState position, Instant time);
}
