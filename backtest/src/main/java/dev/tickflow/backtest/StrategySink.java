package dev.tickflow.cli.backtest;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import java.io.IOException;

/** Where a strategy replay delivers its outputs, in the order the topology emits them. */
public interface StrategySink {
    void indicators(IndicatorSnapshot snapshot) throws IOException;

    void signal(Signal signal) throws IOException;
}
