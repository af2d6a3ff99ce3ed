package dev.tickflow.executor;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.serde.Utf8Order;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store keyed {@code symbol|name}, also held decoded in memory (by symbol, and in the store's key order): read from
 * the store at the first use and written through on every put and delete, so lookups by symbol, which the executor
 * makes for every trade, neither scan nor decode the store. (Prefix scans of the persistent store slowed down as
 * orders were filled: each seek stepped over the deletes of the filled ones.) Its owner is created again at every
 * processor {@code init}, which Streams repeats whenever it drops uncommitted store changes, so the copy never holds
 * changes the store lost.
 */
final class SymbolKeyedStore<V> {
    private static final String SEPARATOR = "|";

    private final KeyValueStore<String, byte[]> store;
    private final StateCodec<V> codec;
    private NavigableMap<String, V> byKey;
    private Map<String, NavigableMap<String, V>> bySymbol;

    SymbolKeyedStore(KeyValueStore<String, byte[]> store, StateCodec<V> codec) {
        this.store = store;
        this.codec = codec;
    }

    static String key(String symbol, String name) {
        return symbol + SEPARATOR + name;
    }

    V get(String symbol, String name) {
        load();
        NavigableMap<String, V> ofSymbol = bySymbol.get(symbol);
        return ofSymbol == null ? null : ofSymbol.get(name);
    }

    void put(String symbol, String name, V value) {
        load();
        String key = key(symbol, name);
        store.put(key, codec.encode(value));
        byKey.put(key, value);
        bySymbol.computeIfAbsent(symbol, unused -> new TreeMap<>(Utf8Order.COMPARATOR)).put(name, value);
    }

    void delete(String symbol, String name) {
        load();
        String key = key(symbol, name);
        store.delete(key);
        byKey.remove(key);
        NavigableMap<String, V> ofSymbol = bySymbol.get(symbol);
        if (ofSymbol != null && ofSymbol.remove(name) != null && ofSymbol.isEmpty()) {
            bySymbol.remove(symbol);
        }
    }

    /**
     * The symbol's entries by name, in the order a prefix scan of the store gives them: a read-only view, not a copy (asked
     * for on every trade). Replacing an entry it holds changes no structure; adding or deleting one while going through
     * it fails loudly.
     */
    NavigableMap<String, V> ofSymbol(String symbol) {
        load();
        NavigableMap<String, V> ofSymbol = bySymbol.get(symbol);
        return ofSymbol == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(ofSymbol);
    }

    /** Every entry as (symbol, name, value), in the store's key order. */
    void forEach(TriConsumer<V> action) {
        load();
        byKey.forEach((key, value) -> {
            int separator = key.indexOf(SEPARATOR);
            action.accept(key.substring(0, separator), key.substring(separator + 1), value);
        });
    }

    /** Reads the store into both indexes at the first use. */
    private void load() {
        if (bySymbol != null) {
            return;
        }
        byKey = new TreeMap<>(Utf8Order.COMPARATOR);
        bySymbol = new HashMap<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                int separator = entry.key.indexOf(SEPARATOR);
                V value = codec.decode(entry.value);
                byKey.put(entry.key, value);
                bySymbol.computeIfAbsent(entry.key.substring(0, separator), unused -> new TreeMap<>(Utf8Order.COMPARATOR))
                        .put(entry.key.substring(separator + 1), value);
            });
        }
    }

    @FunctionalInterface
    interface TriConsumer<V> {
        void accept(String symbol, String name, V value);
    }
}
