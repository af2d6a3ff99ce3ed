package dev.tickflow.backtest;

import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import java.io.IOException;

/** Where the executor's outputs go: after each input, its fills, then its order events (so an order event can carry its fills' fees). */
public interface ExecutionSink {
    void order(OrderEvent order) throws IOException;

    void fill(Fill fill) throws IOException;
}
