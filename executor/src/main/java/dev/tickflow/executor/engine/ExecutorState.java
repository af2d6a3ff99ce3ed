package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.portfolio.PositionStore;
import dev.tickflow.executor.reconcile.ReconcileStore;
import dev.tickflow.executor.risk.RiskStore;

/**
 * The executor's state (the whole account's: one task owns it): open orders, positions, risk state, last trades and the
 * operator commands handled, and the holdings reconciliation counts as not the executor's. Kafka Streams state stores in the service, maps in {@link InMemoryState}; each part of the
 * engine sees only its own store.
 */
public interface ExecutorState extends OpenOrderStore, PositionStore, RiskStore, LastTradeStore, CommandStore,
        ReconcileStore {
}
