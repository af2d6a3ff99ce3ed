package dev.tickflow.executor;

import dev.tickflow.executor.engine.ExecutorState;
import dev.tickflow.executor.engine.LastTrade;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.risk.RiskState;
import dev.tickflow.serde.Utf8Order;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The engine's state in the task's six persistent stores. Positions and open orders are keyed {@code symbol|instance}
 * so that one prefix scan finds every instance's entry of a symbol.
 *
 * <p>The positions are also held decoded in memory (by symbol, and in the store's key order), read from the store at
 * the first use after the processor's {@code init} and written through on every put: every trade looks up its
 * symbol's positions and every mark sums the PnL of all of them, without a store scan or a decode. Streams initializes the processor again, and so builds a new {@code StoreState}, whenever it drops
 * uncommitted store changes (an aborted transaction, a revived or recycled task), so the copy never holds changes the
 * store lost.
 */
final class StoreState implements ExecutorState {
    private static final String SEPARATOR = "|";
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> positions;
    private final KeyValueStore<String, byte[]> openOrders;
    private final KeyValueStore<String, byte[]> risk;
    private final KeyValueStore<String, byte[]> lastTrades;
    private final KeyValueStore<String, byte[]> commands;
    private final KeyValueStore<String, byte[]> reconcile;
    private NavigableMap<String, PositionRecord> positionsByKey;
    private Map<String, NavigableMap<String, PositionRecord>> positionsBySymbol;

    StoreState(KeyValueStore<String, byte[]> positions, KeyValueStore<String, byte[]> openOrders, KeyValueStore<String, byte[]> risk,
               KeyValueStore<String, byte[]> lastTrades, KeyValueStore<String, byte[]> commands, KeyValueStore<String, byte[]> reconcile) {
        this.positions = positions;
        this.openOrders = openOrders;
        this.risk = risk;
        this.lastTrades = lastTrades;
        this.commands = commands;
        this.reconcile = reconcile;
    }

    static String key(String symbol, String instance) {
        return symbol + SEPARATOR + instance;
    }

    @Override
    public Optional<PositionRecord> position(String instance, String symbol) {
        NavigableMap<String, PositionRecord> ofSymbol = positionsBySymbol().get(symbol);
        return Optional.ofNullable(ofSymbol == null ? null : ofSymbol.get(instance));
    }

    @Override
    public void putPosition(String instance, String symbol, PositionRecord position) {
        String key = key(symbol, instance);
        positions.put(key, StoreCodecs.POSITION.encode(position));
        positionsBySymbol().computeIfAbsent(symbol, unused -> new TreeMap<>(Utf8Order.COMPARATOR)).put(instance, position);
        positionsByKey.put(key, position);
    }

    /** A copy, in the order of the instances, as a prefix scan of the store gives them. */
    @Override
    public Map<String, PositionRecord> positionsOf(String symbol) {
        NavigableMap<String, PositionRecord> ofSymbol = positionsBySymbol().get(symbol);
        return ofSymbol == null ? Map.of() : new LinkedHashMap<>(ofSymbol);
    }

    @Override
    public List<Entry> allPositions() {
        positionsBySymbol();
        List<Entry> found = new ArrayList<>();
        positionsByKey.forEach((key, position) -> {
            int separator = key.indexOf(SEPARATOR);
            found.add(new Entry(key.substring(separator + 1), key.substring(0, separator), position));
        });
        return found;
    }

    /** The positions by symbol, then instance; read from the store at the first use, like {@link #positionsByKey} (in the store's order). */
    private Map<String, NavigableMap<String, PositionRecord>> positionsBySymbol() {
        if (positionsBySymbol == null) {
            positionsByKey = new TreeMap<>(Utf8Order.COMPARATOR);
            positionsBySymbol = new HashMap<>();
            try (KeyValueIterator<String, byte[]> all = positions.all()) {
                all.forEachRemaining(entry -> {
                    int separator = entry.key.indexOf(SEPARATOR);
                    PositionRecord position = StoreCodecs.POSITION.decode(entry.value);
                    positionsByKey.put(entry.key, position);
                    positionsBySymbol.computeIfAbsent(entry.key.substring(0, separator), unused -> new TreeMap<>(Utf8Order.COMPARATOR))
                            .put(entry.key.substring(separator + 1), position);
                });
            }
        }
        return positionsBySymbol;
    }

    @Override
    public Optional<OpenOrder> openOrder(String slot, String symbol) {
        return Optional.ofNullable(openOrders.get(key(symbol, slot))).map(StoreCodecs.OPEN_ORDER::decode);
    }

    @Override
    public void putOpenOrder(OpenOrder order) {
        openOrders.put(key(order.request().symbol(), OpenOrderStore.slot(order.request())), StoreCodecs.OPEN_ORDER.encode(order));
    }

    @Override
    public void removeOpenOrder(String slot, String symbol) {
        openOrders.delete(key(symbol, slot));
    }

    @Override
    public List<OpenOrder> openOrdersOf(String symbol) {
        List<OpenOrder> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = openOrders.prefixScan(symbol + SEPARATOR, KEYS)) {
            all.forEachRemaining(entry -> found.add(StoreCodecs.OPEN_ORDER.decode(entry.value)));
        }
        return found;
    }

    @Override
    public List<OpenOrder> allOpenOrders() {
        List<OpenOrder> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = openOrders.all()) {
            all.forEachRemaining((KeyValue<String, byte[]> entry) -> found.add(StoreCodecs.OPEN_ORDER.decode(entry.value)));
        }
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
