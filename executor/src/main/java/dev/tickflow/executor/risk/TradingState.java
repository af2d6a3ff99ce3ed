package dev.tickflow.executor.risk;

/** What orders an instance may place. */
public enum TradingState {
    /** Every order the other rules allow. */
    ACTIVE,
    /** Only orders that reduce the position: what a breached loss limit leaves, so that the instance can always get out. */
    REDUCING,
    /** No order at all: what reconciliation sets on a difference it cannot explain (if configured). */
    HALTED;

    public boolean allows(boolean reducesPosition) {
        return this == ACTIVE || this == REDUCING && reducesPosition;
    }
}
