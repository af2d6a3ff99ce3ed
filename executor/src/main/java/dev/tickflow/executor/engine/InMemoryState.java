package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.portfolio.NetPnlTotals;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.risk.RiskState;
import java.math.BigDecimal;
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
 * The engine's state in maps, without Kafka: for tests and for running the engine in memory (a backtest). The entries
 * of a symbol come in the order of their instance names, as a prefix scan of the service's {@code symbol|instance}
 * keys gives them.
 */
public final class InMemoryState implements ExecutorState {
    private final Map<String, NavigableMap<String, PositionRecord>> positions = new TreeMap<>();
    private final NetPnlTotals netPnlTotals = new NetPnlTotals();
    private final Map<String, NavigableMap<String, OpenOrder>> openOrders = new TreeMap<>();
    private final Map<String, RiskState> risk = new HashMap<>();
    private final Map<String, LastTrade> lastTrades = new HashMap<>();
    private final Map<String, Instant> commands = new HashMap<>();
    private final Map<String, BigDecimal> externalHoldings = new TreeMap<>();

    @Override
    public Optional<PositionRecord> position(String instance, String symbol) {
        NavigableMap<String, PositionRecord> ofSymbol = positions.get(symbol);
        return Optional.ofNullable(ofSymbol == null ? null : ofSymbol.get(instance));
    }

    @Override
    public void putPosition(String instance, String symbol, PositionRecord position) {
        netPnlTotals.replace(instance, positions.computeIfAbsent(symbol, s -> new TreeMap<>()).put(instance, position), position);
    }

    /**
     * A read-only view, not a copy (a backtest asks for it on every trade): replacing the position of an instance it
     * holds, as the portfolio does while going through it, changes no structure; adding one would fail loudly.
     */
    @Override
    public Map<String, PositionRecord> positionsOf(String symbol) {
        NavigableMap<String, PositionRecord> ofSymbol = positions.get(symbol);
        return ofSymbol == null ? Map.of() : Collections.unmodifiableMap(ofSymbol);
    }

    @Override
    public List<Entry> allPositions() {
        List<Entry> all = new ArrayList<>();
        positions.forEach((symbol, ofSymbol) -> ofSymbol.forEach((instance, record) -> all.add(new Entry(instance, symbol, record))));
        return all;
    }

    @Override
    public BigDecimal netPnlOf(String instance) {
        return netPnlTotals.of(instance);
    }

    @Override
    public BigDecimal accountNetPnl() {
        return netPnlTotals.account();
    }

    @Override
    public Optional<OpenOrder> openOrder(String slot, String symbol) {
        NavigableMap<String, OpenOrder> ofSymbol = openOrders.get(symbol);
        return Optional.ofNullable(ofSymbol == null ? null : ofSymbol.get(slot));
    }

    @Override
    public void putOpenOrder(OpenOrder order) {
        openOrders.computeIfAbsent(order.request().symbol(), s -> new TreeMap<>()).put(OpenOrderStore.slot(order.request()), order);
    }

    @Override
    public void removeOpenOrder(String slot, String symbol) {
        NavigableMap<String, OpenOrder> ofSymbol = openOrders.get(symbol);
        if (ofSymbol != null) {
            ofSymbol.remove(slot);
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

    @Override
    public boolean commandHandled(String commandId) {
        return commands.containsKey(commandId);
    }

    @Override
    public void markCommandHandled(String commandId, Instant at) {
        commands.put(commandId, at);
    }

    @Override
    public Map<String, BigDecimal> externalHoldings() {
        return Map.copyOf(externalHoldings);
    }

    @Override
    public void putExternalHolding(String asset, BigDecimal amount) {
        externalHoldings.put(asset, amount);
    }
}
