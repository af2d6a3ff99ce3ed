package dev.tickflow.api.view;

import dev.tickflow.schema.SymbolCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What control.symbols says per symbol, as ingest reads it: the latest command per key; a tombstone removes the symbol. */
public final class SymbolControlView {
    private final Map<String, SymbolCommand> bySymbol = new TreeMap<>();

    /** Applies a record of control.symbols: a command, or {@code null} (a tombstone) for the key. */
    public synchronized void apply(String key, SymbolCommand command) {
        if (command == null) {
            if (key != null) {
                bySymbol.remove(key);
            }
            return;
        }
        bySymbol.put(command.getSymbol(), command);
    }

    public synchronized List<SymbolCommand> all() {
        return new ArrayList<>(bySymbol.values());
    }

    public synchronized SymbolCommand get(String symbol) {
        return bySymbol.get(symbol);
    }
}
