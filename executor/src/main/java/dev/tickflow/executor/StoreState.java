package dev.tickflow.executor;

import dev.tickflow.executor.engine.ExecutorState;
import dev.tickflow.executor.engine.LastTrade;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.portfolio.NetPnlTotals;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.risk.RiskState;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The engine's state in the task's six persistent stores. Positions and open orders are keyed {@code symbol|instance}
 * (open orders {@code symbol|slot}) and also held decoded in memory ({@link SymbolKeyedStore}): every trade looks up
 * its symbol's positions and open orders without a store scan or a decode, and every mark reads the net PnL totals
 * ({@link NetPnlTotals}) without going through all positions.
 */
final class StoreState implements ExecutorState {
    private final SymbolKeyedStore<PositionRecord> positions;
    private final SymbolKeyedStore<OpenOrder> openOrders;
    private final KeyValueStore<String, byte[]> risk;
    private final KeyValueStore<String, byte[]> lastTrades;
    private final KeyValueStore<String, byte[]> commands;
    private final KeyValueStore<String, byte[]> reconcile;
    private NetPnlTotals netPnlTotals;

    StoreState(KeyValueStore<String, byte[]> positions, KeyValueStore<String, byte[]> openOrders, KeyValueStore<String, byte[]> risk,
               KeyValueStore<String, byte[]> lastTrades, KeyValueStore<String, byte[]> commands, KeyValueStore<String, byte[]> reconcile) {
        this.positions = new SymbolKeyedStore<>(positions, StoreCodecs.POSITION);
        this.openOrders = new SymbolKeyedStore<>(openOrders, StoreCodecs.OPEN_ORDER);
        this.risk = risk;
        this.lastTrades = lastTrades;
        this.commands = commands;
        this.reconcile = reconcile;
    }

    @Override
    public Optional<PositionRecord> position(String instance, String symbol) {
        return Optional.ofNullable(positions.get(symbol, instance));
    }

    @Override
    public void putPosition(String instance, String symbol, PositionRecord position) {
        netPnlTotals().replace(instance, positions.get(symbol, instance), position);
        positions.put(symbol, instance, position);
    }

    /** A read-only view, in the order of the instances, as a prefix scan of the store gives them (as {@code InMemoryState}'s). */
    @Override
    public Map<String, PositionRecord> positionsOf(String symbol) {
        return positions.ofSymbol(symbol);
    }

    @Override
    public List<Entry> allPositions() {
        List<Entry> found = new ArrayList<>();
        positions.forEach((symbol, instance, position) -> found.add(new Entry(instance, symbol, position)));
        return found;
    }

    @Override
    public BigDecimal netPnlOf(String instance) {
        return netPnlTotals().of(instance);
    }

    @Override
    public BigDecimal accountNetPnl() {
        return netPnlTotals().account();
    }

    private NetPnlTotals netPnlTotals() {
        if (netPnlTotals == null) {
            netPnlTotals = new NetPnlTotals();
            positions.forEach((symbol, instance, position) -> netPnlTotals.replace(instance, null, position));
        }
        return netPnlTotals;
    }

    @Override
    public Optional<OpenOrder> openOrder(String slot, String symbol) {
        return Optional.ofNullable(openOrders.get(symbol, slot));
    }

    @Override
    public void putOpenOrder(OpenOrder order) {
        openOrders.put(order.request().symbol(), OpenOrderStore.slot(order.request()), order);
    }

    @Override
    public void removeOpenOrder(String slot, String symbol) {
        openOrders.delete(symbol, slot);
    }

    /** A copy (the engine fills and cancels orders while it goes through them); no allocation for a symbol without any. */
    @Override
    public List<OpenOrder> openOrdersOf(String symbol) {
        Map<String, OpenOrder> ofSymbol = openOrders.ofSymbol(symbol);
        return ofSymbol.isEmpty() ? List.of() : new ArrayList<>(ofSymbol.values());
    }

    @Override
    public List<OpenOrder> allOpenOrders() {
        List<OpenOrder> found = new ArrayList<>();
        openOrders.forEach((symbol, slot, order) -> found.add(order));
        return found;
    }

    @Override
    public RiskState risk(String key) {
        byte[] value = risk.get(key);
        return value == null ? RiskState.empty() : StoreCodecs.RISK.decode(value);
    }

    @Override
    public void putRisk(String key, RiskState state) {
        risk.put(key, StoreCodecs.RISK.encode(state));
    }

    @Override
    public Optional<LastTrade> lastTrade(String symbol) {
        return Optional.ofNullable(lastTrades.get(symbol)).map(StoreCodecs.LAST_TRADE::decode);
    }

    @Override
    public void putLastTrade(String symbol, LastTrade trade) {
        lastTrades.put(symbol, StoreCodecs.LAST_TRADE.encode(trade));
    }

    @Override
    public boolean commandHandled(String commandId) {
        return commands.get(commandId) != null;
    }

    @Override
    public void markCommandHandled(String commandId, Instant at) {
        commands.put(commandId, StoreCodecs.COMMAND.encode(at));
    }

    /** Keyed by asset, the amount as a plain decimal in UTF-8. */
    @Override
    public Map<String, BigDecimal> externalHoldings() {
        Map<String, BigDecimal> found = new LinkedHashMap<>();
        try (KeyValueIterator<String, byte[]> all = reconcile.all()) {
            all.forEachRemaining(entry -> found.put(entry.key, new BigDecimal(new String(entry.value, StandardCharsets.UTF_8))));
        }
        return found;
    }

    @Override
    public void putExternalHolding(String asset, BigDecimal amount) {
        reconcile.put(asset, amount.toPlainString().getBytes(StandardCharsets.UTF_8));
    }
}
