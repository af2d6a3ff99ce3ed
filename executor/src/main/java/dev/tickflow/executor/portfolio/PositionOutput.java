package dev.tickflow.executor.portfolio;

import java.time.Instant;

/** Where the portfolio publishes: oms.positions in the service. */
public interface PositionOutput {

    void position(String instance, String symbol, PositionState position, Instant time);
}
