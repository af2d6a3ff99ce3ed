package dev.tickflow.executor.venue;

import dev.tickflow.executor.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of one order at the venue.
 *
 * @param exchangeOrderId  null when the venue never accepted it
 * @param executedQuantity cumulative filled quantity
 * @param fills            every fill of the order so far, oldest first (the executor publishes those it has not yet seen)
 * @param rejectReason     for REJECTED: the rule or the exchange's code and message; null otherwise
 * @param trigger          for a STOP_LOSS_LIMIT or TAKE_PROFIT_LIMIT order the paper venue tracks: where it is on its way to
 *                         its trigger; null otherwise
 */
public record ExecutionReport(String clientOrderId, String exchangeOrderId, OrderStatus status, BigDecimal executedQuantity,
                              List<ExchangeFill> fills, String rejectReason, Instant time, StopTrigger trigger) {

    public ExecutionReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(executedQuantity, "executedQuantity");
        fills = List.copyOf(fills);
        Objects.requireNonNull(time, "time");
    }

    public ExecutionReport(String clientOrderId, String exchangeOrderId, OrderStatus status, BigDecimal executedQuantity,
                           List<ExchangeFill> fills, String rejectReason, Instant time) {
        this(clientOrderId, exchangeOrderId, status, executedQuantity, fills, rejectReason, time, null);
    }

    public static ExecutionReport rejected(String clientOrderId, String reason, Instant time) {
        return new ExecutionReport(clientOrderId, null, OrderStatus.REJECTED, BigDecimal.ZERO, List.of(), reason, time);
    }

    /** Whether the order can change no more. */
    public boolean isFinal() {
        return status.isFinal();
    }
}
