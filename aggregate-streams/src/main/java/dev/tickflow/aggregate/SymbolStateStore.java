package dev.tickflow.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The aggregation's state store: the symbols' states as objects, written encoded to a logged in-memory key-value
 * store (and so to its changelog) once per commit rather than once per trade. A trade only marks its symbol's state
 * dirty (a flag on the state, listed once); before every commit Streams flushes the store's "cache" ({@link CachedStateStore#flushCache}, called for every
 * cached store before the record collector is flushed and the transaction commits), which encodes each dirty state
 * once. So under exactly_once_v2 every transaction holds the input offsets, the candles and the states they lead to,
 * as with Streams' record cache; a crash between two commits aborts all three, and a restart restores the states of
 * the last commit and reprocesses from its offsets.
 *
 * <p>{@link CachedStateStore} is an interface of Kafka Streams' internals (the one its record cache uses for this
 * hook); the restart tests ({@code AggregateRestartIT}, {@code RestartFromChangelogTest}) prove it still works after an
 * upgrade.
 */
final class SymbolStateStore implements StateStore, CachedStateStore<String, byte[]>, SymbolStates {
    private final KeyValueStore<String, byte[]> encoded;
    private final SymbolStateCodec codec = new SymbolStateCodec();
    private final List<SymbolState> dirty = new ArrayList<>();
    private InMemorySymbolStates states;

    SymbolStateStore(KeyValueStore<String, byte[]> encoded) {
        this.encoded = encoded;
    }

    /** In memory (a symbol's state is small and bounded) with a changelog, so restarts resume exactly. */
    static StoreBuilder<SymbolStateStore> builder(String name) {
        return new Builder(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of()));
    }

    /** The encoded states, as restored from the changelog; a test writes into it the way a restore does. */
    KeyValueStore<String, byte[]> encoded() {
        return encoded;
    }

    /** Forgets the states held as objects; they are decoded again from the encoded store at their next use. */
    void reload() {
        dirty.forEach(state -> state.dirty = false);
        dirty.clear();
        states = null;
    }

    @Override
    public SymbolState get(String symbol) {
        return loaded().get(symbol);
    }

    @Override
    public void added(SymbolState state) {
        loaded().added(state);
        changed(state);
    }

    @Override
    public void changed(SymbolState state) {
        if (!state.dirty) {
            state.dirty = true;
            dirty.add(state);
        }
    }

    @Override
    public void forEach(Consumer<SymbolState> action) {
        loaded().forEach(action);
    }

    private InMemorySymbolStates loaded() {
        if (states == null) {
            states = new InMemorySymbolStates();
            try (KeyValueIterator<String, byte[]> all = encoded.all()) {
                while (all.hasNext()) {
                    KeyValue<String, byte[]> entry = all.next();
                    states.added(codec.decode(entry.value));
                }
            }
        }
        return states;
    }

    /** Before every commit: each state changed since the last one, encoded into the store and its changelog. */
    @Override
    public void flushCache() {
        for (SymbolState state : dirty) {
            encoded.put(state.symbol, codec.encode(state));
            state.dirty = false;
        }
        dirty.clear();
    }

    /** When Streams drops uncommitted cached changes (a task recycled into a standby): decode afresh. */
    @Override
    public void clearCache() {
        reload();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return encoded.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        reload();
        encoded.init(context, root);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        encoded.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return encoded.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return encoded.managesOffsets();
    }

    @Override
    public void close() {
        reload();
        encoded.close();
    }

    @Override
    public boolean persistent() {
        return encoded.persistent();
    }

    @Override
    public boolean isOpen() {
        return encoded.isOpen();
    }

    private record Builder(StoreBuilder<KeyValueStore<String, byte[]>> encoded) implements StoreBuilder<SymbolStateStore> {
        @Override
        public StoreBuilder<SymbolStateStore> withCachingEnabled() {
            throw new UnsupportedOperationException("The symbol states are their own cache");
        }

        @Override
        public StoreBuilder<SymbolStateStore> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<SymbolStateStore> withLoggingEnabled(Map<String, String> config) {
            return new Builder(encoded.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<SymbolStateStore> withLoggingDisabled() {
            return new Builder(encoded.withLoggingDisabled());
        }

        @Override
        public SymbolStateStore build() {
            return new SymbolStateStore(encoded.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return encoded.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return encoded.loggingEnabled();
        }

        @Override
        public String name() {
            return encoded.name();
        }
    }
}
