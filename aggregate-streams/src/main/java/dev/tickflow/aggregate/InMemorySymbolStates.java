package dev.tickflow.aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The states in memory: changes need no storing. */
final class InMemorySymbolStates implements SymbolStates {
    private final Map<String, SymbolState> bySymbol = new HashMap<>();
    private final NavigableMap<String, SymbolState> inKeyOrder = new TreeMap<>(InMemorySymbolStates::compareUtf8);

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

    /** The order of the strings' UTF-8 bytes, that is of their code points (String.compareTo orders UTF-16 units). */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
