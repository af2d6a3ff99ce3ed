package dev.tickflow.bench;

import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.TradingVenue;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A venue that records, per client order id, the wall-clock time an order reached it and the time of its signal,
 * then hands the order to the venue it wraps (the paper venue): where the close-to-order latency ends. A replayed
 * order (exactly_once_v2 reprocessing after an aborted transaction) keeps its first time.
 */
final class PlacementClock implements TradingVenue {

    /** When an order reached the venue (epoch ms, wall clock) and the event time of its signal. */
    record Placement(long placedAtMs, Instant signalTime) {
    }

    private final TradingVenue delegate;
    private final Map<String, Placement> placements;

    PlacementClock(TradingVenue delegate, Map<String, Placement> placements) {
        this.delegate = delegate;
        this.placements = placements;
    }

    static Map<String, Placement> newRecord() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public ExecutionReport place(OrderRequest order, MarketSnapshot market) {
        placements.putIfAbsent(order.clientOrderId(), new Placement(System.currentTimeMillis(), order.createdAt()));
        return delegate.place(order, market);
    }

    @Override
    public Optional<ExecutionReport> find(OrderRequest order) {
        return delegate.find(order);
    }

    @Override
    public ExecutionReport refresh(OrderRequest order, MarketSnapshot market) {
        return delegate.refresh(order, market);
    }

    @Override
    public ExecutionReport cancel(OrderRequest order) {
        return delegate.cancel(order);
    }

    @Override
    public Optional<SymbolFilters> filters(String symbol) {
        return delegate.filters(symbol);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
