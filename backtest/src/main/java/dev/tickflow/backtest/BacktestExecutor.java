package dev.tickflow.backtest;

import dev.tickflow.executor.ExecutorRecords;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.Venues;
import dev.tickflow.executor.engine.ExecutionEngine;
import dev.tickflow.executor.engine.ExecutorOutput;
import dev.tickflow.executor.engine.InMemoryState;
import dev.tickflow.executor.oms.OrderUpdate;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The executor service's {@link ExecutionEngine} with the paper venue and its state in memory: signals and trades in,
 * order events and fills out through the executor's own {@link ExecutorRecords}. The simulated venue's clock is event time, so
 * this gives what the service gives for the same signals and trades. Positions (oms.positions) are not kept: no file
 * holds them.
 */
final class BacktestExecutor implements BacktestEngine.Executor, ExecutorOutput {
    private final ExecutionEngine engine;
    private final ExecutionSink sink;
    private final List<Fill> fills = new ArrayList<>();
    private final List<OrderEvent> orders = new ArrayList<>();

    BacktestExecutor(ExecutorSettings settings, ExecutionSink sink) {
        this.engine = new ExecutionEngine(settings.orderPolicy(), settings.sizing(), settings.risk(), settings.protection(),
                Venues.simulated(settings).get(), new InMemoryState(), this);
        this.sink = sink;
    }

    @Override
    public List<Fill> trade(Trade trade) throws IOException {
        return trade(trade.getSymbol(), trade.getPrice(), trade.getTradeTime());
    }

    /** A trade given by its parts (a sweep's kept trades). */
    List<Fill> trade(String symbol, BigDecimal price, Instant time) throws IOException {
        engine.onTrade(symbol, price, time);
        return drain();
    }

    /** At the signal's own time: the simulated venue's clock is event time. */
    @Override
    public List<Fill> signal(Signal signal) throws IOException {
        engine.onSignal(ExecutorRecords.signal(signal));
        return drain();
    }

    @Override
    public void order(OrderUpdate update) {
        orders.add(ExecutorRecords.orderEvent(update));
    }

    @Override
    public void fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill) {
        fills.add(ExecutorRecords.fill(order, exchangeOrderId, fill));
    }

    @Override
    public void position(String instance, String symbol, PositionState position, Instant time) {
        // oms.positions: in no file of the backtest
    }

    @Override
    public void close() {
    }

    /** Fills first, then order events, as {@link ExecutionSink} says. */
    private List<Fill> drain() throws IOException {
        if (fills.isEmpty() && orders.isEmpty()) {
            return List.of();
        }
        List<Fill> produced = List.copyOf(fills);
        fills.clear();
        for (Fill fill : produced) {
            sink.fill(fill);
        }
        List<OrderEvent> events = List.copyOf(orders);
        orders.clear();
        for (OrderEvent order : events) {
            sink.order(order);
        }
        return produced;
    }
}
