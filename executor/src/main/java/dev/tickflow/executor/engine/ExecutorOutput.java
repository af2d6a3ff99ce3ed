package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OrderOutput;
import dev.tickflow.executor.portfolio.PositionOutput;

/** Where the engine's results go: oms.orders, oms.fills (from the order lifecycle) and oms.positions (from the portfolio). */
public interface ExecutorOutput extends OrderOutput, PositionOutput {
}
