package dev.tickflow.executor.model;

/** MARKET fills at once at the market; LIMIT at its limit price or better, and may rest. */
public enum OrderType {
    MARKET,
    LIMIT
}
