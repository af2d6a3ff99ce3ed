package dev.tickflow.executor.model;

/** The side of an order or a fill. */
public enum OrderSide {
    BUY,
    SELL
}
