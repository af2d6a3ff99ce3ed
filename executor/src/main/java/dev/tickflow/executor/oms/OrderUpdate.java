package dev.tickflow.executor.oms;

import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of an order's life, as oms.orders publishes it.
 *
 * @param venue            the venue's name: the order event's {@code broker} field
 * @param averageFillPrice null without fills
 * @param rejectReason     the rule or the venue's message for REJECTED, else null
 */
public record OrderUpdate(OrderRequest order, String venue, OrderStatus status, String exchangeOrderId, BigDecimal filledQuantity,
                          BigDecimal averageFillPrice, String rejectReason, Instant time) {
}
