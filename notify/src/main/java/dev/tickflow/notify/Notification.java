package dev.tickflow.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing to tell the operator, whatever topic it came from.
 *
 * @param id    deterministic: the same record read again gives the same id, which is how repeats are dropped
 * @param topic the catalog id of the topic it came from (oms.fills, oms.orders, ops.events)
 * @param kind  upper-case name of what happened: FILL, ORDER_REJECTED or the {@code kind} of an operational event
 */
public record Notification(String id, String topic, String kind, String severity, String service, String strategyInstance,
                           String symbol, String message, Map<String, String> details, Instant eventTime) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(eventTime, "eventTime");
        details = Map.copyOf(details);
    }

    /** The line a chat message shows: severity, kind, where, and the message. */
    public String text() {
        StringBuilder text = new StringBuilder("[").append(severity).append("] ").append(kind);
        if (strategyInstance != null) {
            text.append(' ').append(strategyInstance);
        }
        if (symbol != null) {
            text.append(' ').append(symbol);
        }
        return text.append(": ").append(message).toString();
    }
}
