package dev.tickflow.executor.model;

/** Binance's time-in-force values for LIMIT orders. */
public enum TimeInForce {
    /** Good till canceled: rests until filled, canceled, or the executor's expiry. */
    GTC,
    /** Immediate or cancel: what does not fill at once is canceled. */
    IOC,
    /** Fill or kill: fills completely at once or not at all. */
    FOK
}
