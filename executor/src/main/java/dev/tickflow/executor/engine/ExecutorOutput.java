package dev.tickflow.executor.engine;

import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.executor.control.OpsOutput;
import dev.tickflow.executor.oms.OrderOutput;
import dev.tickflow.executor.portfolio.PositionOutput;

/**
 * Where the engine's results go: oms.orders, oms.fills (from the order lifecycle), oms.positions (from the portfolio) and
 * ops.events (halts, operator commands).
 */
public interface ExecutorOutput extends OrderOutput, PositionOutput, OpsOutput {

    /** Dropped unless the output publishes them: a backtest has no ops.events. */
    @Override
    default void operational(OpsEvent event) {
    }
}
