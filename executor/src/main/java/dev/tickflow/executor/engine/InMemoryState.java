package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.risk.RiskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's state in maps, without Kafka: for tests and for running the engine in memory (a backtest). Entries of a
 * symbol come in the order of their {@code symbol|instance} key, as from the service's stores.
 */
public final class InMemoryState implements ExecutorState {
    private final Map<String, PositionRecord> positions = new TreeMap<>();
    private final Map<String, OpenOrder> openOrders = new TreeMap<>();
    private final Map<String, RiskState> risk = new HashMap<>();
    private final Map<String, LastTrade> lastTrades = new HashMap<>();

    private static String key(String symbol, String instance) {
        return symbol + "|" + instance;
    }

    @Override
    public Optional<PositionRecord> position(String instance, String symbol) {
        return Optional.ofNullable(positions.get(key(symbol, instance)));
    }

    @Override
    public void putPosition(String instance, String symbol, PositionRecord position) {
        positions.put(key(symbol, instance), position);
    }

    @Override
    public Map<String, PositionRecord> positionsOf(String symbol) {
        Map<String, PositionRecord> found = new LinkedHashMap<>();
        positions.forEach((key, value) -> {
            if (key.startsWith(symbol + "|")) {
                found.put(key.substring(symbol.length() + 1), value);
            }
        });
        return found;
    }

    @Override
    public Optional<OpenOrder> openOrder(String instance, String symbol) {
        return Optional.ofNullable(openOrders.get(key(symbol, instance)));
    }

    @Override
    public void putOpenOrder(OpenOrder order) {
        openOrders.put(key(order.request().symbol(), order.request().strategyInstance()), order);
    }

    @Override
    public void removeOpenOrder(String instance, String symbol) {
        openOrders.remove(key(symbol, instance));
    }

    @Override
    public List<OpenOrder> openOrdersOf(String symbol) {
        return openOrders.entrySet().stream().filter(e -> e.getKey().startsWith(symbol + "|")).map(Map.Entry::getValue).toList();
    }

    @Override
    public List<OpenOrder> allOpenOrders() {
        return new ArrayList<>(openOrders.values());
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
