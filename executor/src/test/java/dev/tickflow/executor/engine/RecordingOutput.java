package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OrderUpdate;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the engine and its parts publish, for tests. */
public final class RecordingOutput implements ExecutorOutput {
    public final List<OrderUpdate> orders = new ArrayList<>();
    public final List<ExchangeFill> fills = new ArrayList<>();
    public final List<PositionState> positions = new ArrayList<>();

    @Override
    public void order(OrderUpdate update) {
        orders.add(update);
    }

    @Override
    public void fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill) {
        fills.add(fill);
    }

    @Override
    public void position(String instance, String symbol, PositionState position, Instant time) {
        positions.add(position);
    }
}
