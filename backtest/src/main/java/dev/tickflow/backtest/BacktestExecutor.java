package dev.tickflow.backtest;

import dev.tickflow.executor.AvroMapping;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.broker.ExchangeFill;
import dev.tickflow.executor.broker.OrderRequest;
import dev.tickflow.executor.engine.ExecutionEngine;
import dev.tickflow.executor.engine.ExecutorOutput;
import dev.tickflow.executor.engine.ExecutorState;
import dev.tickflow.executor.engine.LastTrade;
import dev.tickflow.executor.engine.OpenOrder;
import dev.tickflow.executor.engine.OrderPolicy;
import dev.tickflow.executor.engine.PositionRecord;
import dev.tickflow.executor.engine.RiskState;
import dev.tickflow.executor.paper.PaperBroker;
import dev.tickflow.executor.position.PositionState;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The executor service's {@link ExecutionEngine} with the paper broker and its state in memory: signals and trades in,
 * order events and fills out through the executor's own {@link AvroMapping}. The paper broker's clock is event time, so
 * this gives what the service gives for the same signals and trades. Positions (oms.positions) are not kept: no file
 * holds them.
 */
final class BacktestExecutor implements BacktestEngine.Executor, ExecutorOutput {
    private final ExecutionEngine engine;
    private final ExecutionSink sink;
    private final List<Fill> fills = new ArrayList<>();
    private final List<OrderEvent> orders = new ArrayList<>();

    BacktestExecutor(ExecutorSettings settings, ExecutionSink sink) {
        PaperBroker broker = new PaperBroker(settings.paperFeeRate(), settings.paperSlippageBps(), settings.paperFilters());
        OrderPolicy policy = new OrderPolicy(settings.orderType(), settings.limitOffsetBps(), settings.timeInForce(), settings.limitExpiry());
        this.engine = new ExecutionEngine(policy, settings.sizing(), settings.risk(), broker, new InMemoryState(), this);
        this.sink = sink;
    }

    @Override
    public List<Fill> trade(Trade trade) throws IOException {
        engine.onTrade(trade.getSymbol(), trade.getPrice(), trade.getTradeTime());
        return drain();
    }

    /** At the signal's own time, the paper broker's clock. */
    @Override
    public List<Fill> signal(Signal signal) throws IOException {
        engine.onSignal(AvroMapping.signal(signal), signal.getCreatedAt());
        return drain();
    }

    @Override
    public void order(OrderUpdate update) {
        orders.add(AvroMapping.orderEvent(update));
    }

    @Override
    public void fill(OrderRequest order, String exchangeOrderId, ExchangeFill fill) {
        fills.add(AvroMapping.fill(order, exchangeOrderId, fill));
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

    /**
     * The executor's state in maps: per symbol, the instances in the order of their names, as the service's stores
     * (keyed {@code symbol|instance}) scan them.
     */
    private static final class InMemoryState implements ExecutorState {
        private final Map<String, NavigableMap<String, PositionRecord>> positions = new HashMap<>();
        private final Map<String, NavigableMap<String, OpenOrder>> openOrders = new HashMap<>();
        private final Map<String, RiskState> risk = new HashMap<>();
        private final Map<String, LastTrade> lastTrades = new HashMap<>();

        @Override
        public Optional<PositionRecord> position(String instance, String symbol) {
            NavigableMap<String, PositionRecord> ofSymbol = positions.get(symbol);
            return Optional.ofNullable(ofSymbol == null ? null : ofSymbol.get(instance));
        }

        @Override
        public void putPosition(String instance, String symbol, PositionRecord position) {
            positions.computeIfAbsent(symbol, s -> new TreeMap<>()).put(instance, position);
        }

        /**
         * A view, not a copy (this runs for every trade): the engine, going through it, only replaces the positions it
         * visits, which a TreeMap does in place, without disturbing the iteration.
         */
        @Override
        public Map<String, PositionRecord> positionsOf(String symbol) {
            NavigableMap<String, PositionRecord> ofSymbol = positions.get(symbol);
            return ofSymbol == null ? Map.of() : Collections.unmodifiableMap(ofSymbol);
        }

        @Override
        public Optional<OpenOrder> openOrder(String instance, String symbol) {
            NavigableMap<String, OpenOrder> ofSymbol = openOrders.get(symbol);
            return Optional.ofNullable(ofSymbol == null ? null : ofSymbol.get(instance));
        }

        @Override
        public void putOpenOrder(OpenOrder order) {
            openOrders.computeIfAbsent(order.request().symbol(), s -> new TreeMap<>()).put(order.request().strategyInstance(), order);
        }

        @Override
        public void removeOpenOrder(String instance, String symbol) {
            NavigableMap<String, OpenOrder> ofSymbol = openOrders.get(symbol);
            if (ofSymbol != null) {
                ofSymbol.remove(instance);
            }
        }

        /** A copy: the engine fills and cancels orders while it goes through them. */
        @Override
        public List<OpenOrder> openOrdersOf(String symbol) {
            NavigableMap<String, OpenOrder> ofSymbol = openOrders.get(symbol);
            return ofSymbol == null || ofSymbol.isEmpty() ? List.of() : new ArrayList<>(ofSymbol.values());
        }

        @Override
        public List<OpenOrder> allOpenOrders() {
            List<OpenOrder> all = new ArrayList<>();
            openOrders.values().forEach(ofSymbol -> all.addAll(ofSymbol.values()));
            return all;
        }

        @Override
        public RiskState risk(String key) {
            return risk.getOrDefault(key, RiskState.empty());
        }

        @Override
        public void putRisk(String key, RiskState state) {
            risk.put(key, state);
        }

        @Override
        public Optional<LastTrade> lastTrade(String symbol) {
            return Optional.ofNullable(lastTrades.get(symbol));
        }

        @Override
        public void putLastTrade(String symbol, LastTrade trade) {
            lastTrades.put(symbol, trade);
        }
    }
}
