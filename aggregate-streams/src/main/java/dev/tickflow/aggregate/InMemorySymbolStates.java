package dev.tickflow.aggregate;

import dev.tickflow.serde.Utf8Order;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The states in memory: changes need no storing. */
final class InMemorySymbolStates implements SymbolStates {
    private final Map<String, SymbolState> bySymbol = new HashMap<>();
    private final NavigableMap<String, SymbolState> inKeyOrder = new TreeMap<>(Utf8Order.COMPARATOR);

    @Override
    public SymbolState get(String symbol) {
        return bySymbol.get(symbol);
    }

    @Override
    public void added(SymbolState state) {
        bySymbol.put(state.symbol, state);
        inKeyOrder.put(state.symbol, state);
    }

    @Override
    public void changed(SymbolState state) {
        // the state is the stored one
    }

    @Override
    public void forEach(Consumer<SymbolState> action) {
        inKeyOrder.values().forEach(action);
    }
}
