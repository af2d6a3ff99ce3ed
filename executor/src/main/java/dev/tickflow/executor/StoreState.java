package dev.tickflow.executor;

import dev.tickflow.executor.engine.ExecutorState;
import dev.tickflow.executor.engine.LastTrade;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.risk.RiskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The engine's state in the task's four persistent stores. Positions and open orders are keyed {@code symbol|instance}
 * so that one prefix scan finds every instance's entry of a symbol.
 */
final class StoreState implements ExecutorState {
    private static final String SEPARATOR = "|";
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> positions;
    private final KeyValueStore<String, byte[]> openOrders;
    private final KeyValueStore<String, byte[]> risk;
    private final KeyValueStore<String, byte[]> lastTrades;

    StoreState(KeyValueStore<String, byte[]> positions, KeyValueStore<String, byte[]> openOrders, KeyValueStore<String, byte[]> risk,
               KeyValueStore<String, byte[]> lastTrades) {
        this.positions = positions;
        this.openOrders = openOrders;
        this.risk = risk;
        this.lastTrades = lastTrades;
    }

    static String key(String symbol, String instance) {
        return symbol + SEPARATOR + instance;
    }

    @Override
    public Optional<PositionRecord> position(String instance, String symbol) {
        return Optional.ofNullable(positions.get(key(symbol, instance))).map(StateCodec::position);
    }

    @Override
    public void putPosition(String instance, String symbol, PositionRecord position) {
        positions.put(key(symbol, instance), StateCodec.position(position));
    }

    @Override
    public Map<String, PositionRecord> positionsOf(String symbol) {
        Map<String, PositionRecord> found = new LinkedHashMap<>();
        try (KeyValueIterator<String, byte[]> all = positions.prefixScan(symbol + SEPARATOR, KEYS)) {
            all.forEachRemaining(entry -> found.put(entry.key.substring(symbol.length() + 1), StateCodec.position(entry.value)));
        }
        return found;
    }

    @Override
    public Optional<OpenOrder> openOrder(String instance, String symbol) {
        return Optional.ofNullable(openOrders.get(key(symbol, instance))).map(StateCodec::openOrder);
    }

    @Override
    public void putOpenOrder(OpenOrder order) {
        openOrders.put(key(order.request().symbol(), order.request().strategyInstance()), StateCodec.openOrder(order));
    }

    @Override
    public void removeOpenOrder(String instance, String symbol) {
        openOrders.delete(key(symbol, instance));
    }

    @Override
    public List<OpenOrder> openOrdersOf(String symbol) {
        List<OpenOrder> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = openOrders.prefixScan(symbol + SEPARATOR, KEYS)) {
            all.forEachRemaining(entry -> found.add(StateCodec.openOrder(entry.value)));
        }
        return found;
    }

    @Override
    public List<OpenOrder> allOpenOrders() {
        List<OpenOrder> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = openOrders.all()) {
            all.forEachRemaining((KeyValue<String, byte[]> entry) -> found.add(StateCodec.openOrder(entry.value)));
        }
        return found;
    }

    @Override
    public RiskState risk(String key) {
        byte[] value = risk.get(key);
        return value == null ? RiskState.empty() : StateCodec.risk(value);
    }

    @Override
    public void putRisk(String key, RiskState state) {
        risk.put(key, StateCodec.risk(state));
    }

    @Override
    public Optional<LastTrade> lastTrade(String symbol) {
        return Optional.ofNullable(lastTrades.get(symbol)).map(StateCodec::lastTrade);
    }

    @Override
    public void putLastTrade(String symbol, LastTrade trade) {
        lastTrades.put(symbol, StateCodec.lastTrade(trade));
    }
}
