package dev.tickflow.executor.model;

/** What a protective order held by the exchange does for the position it protects. */
public enum Protection {
    STOP_LOSS,
    TAKE_PROFIT,
    TRAILING_STOP
}
