package dev.tickflow.backtest;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import java.io.IOException;

/** Where the strategies deliver their outputs, in the order the strategy service would emit them. */
public interface StrategySink {
    void indicators(IndicatorSnapshot snapshot) throws IOException;

    void signal(Signal signal) throws IOException;
}
