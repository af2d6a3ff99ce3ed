package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.portfolio.PositionStore;
import dev.tickflow.executor.risk.RiskStore;

/**
 * The executor's state, one task's share of it: open orders, positions, risk state and last trades. Kafka Streams state
 * stores in the service, maps in {@link InMemoryState}; each part of the engine sees only its own store.
 */
public interface ExecutorState extends OpenOrderStore, PositionStore, RiskStore, LastTradeStore {
}
