package dev.tickflow.executor.model;

/** Where an order is in its life; NEW and PARTIALLY_FILLED can still change, the others are final. */
public enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    REJECTED,
    CANCELED,
    EXPIRED;

    public boolean isFinal() {
        return this != NEW && this != PARTIALLY_FILLED;
    }
}
