package dev.tickflow.aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The states in memory, each change also encoded with the store's codec at once and the bytes kept per symbol: the
 * most encoding work the states can cost (the service's store encodes a changed state once per commit).
 */
final class EncodedSymbolStates implements SymbolStates {
    private final InMemorySymbolStates states = new InMemorySymbolStates();
    private final SymbolStateCodec codec = new SymbolStateCodec();
    private final Map<String, byte[]> encoded = new HashMap<>();

    @Override
    public SymbolState get(String symbol) {
        return states.get(symbol);
    }

    @Override
    public void added(SymbolState state) {
        states.added(state);
        changed(state);
    }

    @Override
    public void changed(SymbolState state) {
        encoded.put(state.symbol, codec.encode(state));
    }

    @Override
    public void forEach(Consumer<SymbolState> action) {
        states.forEach(action);
    }

    /** The latest encoding of the symbol's state, null before its first trade. */
    byte[] encoded(String symbol) {
        return encoded.get(symbol);
    }
}
