package dev.tickflow.notify;

import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.topics.TopicCatalog;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns the records of the topics notify reads into notifications; every id is derived from the record alone. */
public final class Notifications {
    public static final String FILL = "FILL";
    public static final String ORDER_REJECTED = "ORDER_REJECTED";
    static final String INFO = "INFO";
    static final String WARNING = "WARNING";
    static final String EXECUTOR = "executor";

    private Notifications() {
    }

    /** A fill; its id is {@code fill:<clientOrderId>:<tradeId>}. */
    public static Notification of(Fill fill) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("clientOrderId", fill.getClientOrderId());
        details.put("tradeId", fill.getTradeId());
        details.put("side", fill.getSide().name());
        details.put("price", plain(fill.getPrice()));
        details.put("quantity", plain(fill.getQuantity()));
        details.put("commission", plain(fill.getCommission()));
        details.put("commissionAsset", fill.getCommissionAsset());
        String message = fill.getSide() + " " + plain(fill.getQuantity()) + " " + fill.getSymbol() + " at " + plain(fill.getPrice())
                + " (order " + fill.getClientOrderId() + ")";
        return new Notification("fill:" + fill.getClientOrderId() + ":" + fill.getTradeId(), TopicCatalog.FILLS, FILL, INFO, EXECUTOR,
                fill.getStrategyInstance(), fill.getSymbol(), message, details, fill.getTradeTime());
    }

    /** A rejected order as a notification with id {@code order:<clientOrderId>:REJECTED}; any other status is none. */
    public static Optional<Notification> of(OrderEvent order) {
        if (order.getStatus() != OrderStatus.REJECTED) {
            return Optional.empty();
        }
        String reason = order.getRejectReason() == null ? "no reason given" : order.getRejectReason();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("clientOrderId", order.getClientOrderId());
        details.put("side", order.getSide().name());
        details.put("type", order.getType().name());
        details.put("quantity", plain(order.getQuantity()));
        details.put("rejectReason", reason);
        details.put("broker", order.getBroker());
        String message = order.getSide() + " " + plain(order.getQuantity()) + " " + order.getSymbol() + " rejected: " + reason
                + " (order " + order.getClientOrderId() + ")";
        return Optional.of(new Notification("order:" + order.getClientOrderId() + ":" + order.getStatus(), TopicCatalog.ORDERS,
                ORDER_REJECTED, WARNING, EXECUTOR, order.getStrategyInstance(), order.getSymbol(), message, details, order.getEventTime()));
    }

    /** An operational event, keeping its own id. */
    public static Notification of(OperationalEvent event) {
        return new Notification(event.getEventId(), TopicCatalog.OPERATIONAL_EVENTS, event.getKind(), event.getSeverity(), event.getService(),
                event.getStrategyInstance(), event.getSymbol(), event.getMessage(), event.getDetails(), event.getEventTime());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
