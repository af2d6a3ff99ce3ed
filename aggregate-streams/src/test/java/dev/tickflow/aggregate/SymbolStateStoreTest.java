package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The states reach the encoded store (and so the changelog) only when Streams flushes before a commit. */
class SymbolStateStoreTest {
    private final SymbolStateCodec codec = new SymbolStateCodec();
    private final KeyValueStore<String, byte[]> encoded =
            Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("states"), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
    private final SymbolStateStore store = new SymbolStateStore(encoded);

    @BeforeEach
    void init() {
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void changesAreEncodedOncePerFlushNotPerChange() {
        SymbolState state = new SymbolState("BTCUSDT", "binance");
        state.add(trade("BTCUSDT", 1, 1_000, "100", "1"));
        store.added(state);
        state.add(trade("BTCUSDT", 2, 2_000, "101", "1"));
        store.changed(state);
        assertThat(encoded.get("BTCUSDT")).isNull();

        store.flushCache();
        byte[] firstFlush = encoded.get("BTCUSDT");
        assertThat(firstFlush).isEqualTo(codec.encode(state));

        state.add(trade("BTCUSDT", 3, 3_000, "102", "1"));
        store.changed(state);
        assertThat(encoded.get("BTCUSDT")).isEqualTo(firstFlush);
        store.flushCache();
        assertThat(encoded.get("BTCUSDT")).isEqualTo(codec.encode(state));
    }

    @Test
    void afterAReloadTheStatesAreThoseOfTheLastFlushInKeyOrder() {
        SymbolState kept = new SymbolState("ETHUSDT", "binance");
        kept.add(trade("ETHUSDT", 7, 1_000, "2000", "1"));
        store.added(kept);
        SymbolState other = new SymbolState("BTCUSDT", "binance");
        other.add(trade("BTCUSDT", 1, 1_000, "100", "1"));
        store.added(other);
        store.flushCache();
        kept.add(trade("ETHUSDT", 8, 2_000, "2001", "1"));
        store.changed(kept);
        store.added(new SymbolState("XRPUSDT", "binance"));

        store.clearCache();

        assertThat(store.get("XRPUSDT")).isNull();
        SymbolState restored = store.get("ETHUSDT");
        assertThat(restored).isNotSameAs(kept);
        assertThat(restored.hasSeen(7)).isTrue();
        assertThat(restored.hasSeen(8)).isFalse();
        StringBuilder order = new StringBuilder();
        store.forEach(state -> order.append(state.symbol).append(' '));
        assertThat(order.toString()).isEqualTo("BTCUSDT ETHUSDT ");
    }
}
