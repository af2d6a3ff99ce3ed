package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionStore;
import java.math.BigDecimal;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StoreStateTest {
    private final MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
    private final KeyValueStore<String, byte[]> positions = store("positions");

    @Test
    void findsThePositionsWrittenBeforeItWasCreatedAsAPrefixScanWould() {
        positions.put(SymbolKeyedStore.key("BTCUSDT", "B"), StoreCodecs.POSITION.encode(StoreCodecsTest.POSITION));
        positions.put(SymbolKeyedStore.key("BTCUSDTX", "A"), StoreCodecs.POSITION.encode(PositionRecord.flat()));
        positions.put(SymbolKeyedStore.key("BTCUSDT", "A"), StoreCodecs.POSITION.encode(PositionRecord.flat()));
        StoreState state = state();

        assertThat(state.positionsOf("BTCUSDT")).containsExactly(
                entry("A", PositionRecord.flat()),
                entry("B", StoreCodecsTest.POSITION));
        assertThat(state.positionsOf("BTCUSD")).isEmpty();
        // the store's order: "BTCUSDTX|A" before "BTCUSDT|A", as 'X' < '|'
        assertThat(state.allPositions()).extracting(PositionStore.Entry::symbol, PositionStore.Entry::instance)
                .containsExactly(tuple("BTCUSDTX", "A"), tuple("BTCUSDT", "A"),
                        tuple("BTCUSDT", "B"));
    }

    @Test
    void writesThroughToTheStoreAndReadsItsOwnWrites() {
        StoreState state = state();
        assertThat(state.position("A", "ETHUSDT")).isEmpty();

        state.putPosition("A", "ETHUSDT", StoreCodecsTest.POSITION);

        assertThat(state.position("A", "ETHUSDT")).contains(StoreCodecsTest.POSITION);
        assertThat(state.positionsOf("ETHUSDT")).containsOnlyKeys("A");
        assertThat(StoreCodecs.POSITION.decode(positions.get(SymbolKeyedStore.key("ETHUSDT", "A")))).isEqualTo(StoreCodecsTest.POSITION);
        assertThat(state().position("A", "ETHUSDT")).as("a new state, as after the processor's next init").contains(StoreCodecsTest.POSITION);
    }

    @Test
    void theNetPnlTotalsFollowEveryPutAndAreReadAgainFromTheStore() {
        StoreState state = state();
        state.putPosition("A", "BTCUSDT", StoreCodecsTest.POSITION);
        state.putPosition("B", "BTCUSDT", StoreCodecsTest.POSITION);
        state.putPosition("A", "ETHUSDT", StoreCodecsTest.POSITION);
        state.putPosition("A", "BTCUSDT", PositionRecord.flat());

        BigDecimal one = StoreCodecsTest.POSITION.position().netPnl();
        assertThat(state.netPnlOf("A")).isEqualTo(one);
        assertThat(state.accountNetPnl()).isEqualTo(one.add(one));
        StoreState reopened = state();
        assertThat(reopened.netPnlOf("A")).as("a new state, as after the processor's next init").isEqualTo(one);
        assertThat(reopened.netPnlOf("B")).isEqualTo(one);
        assertThat(reopened.accountNetPnl()).isEqualTo(one.add(one));
    }

    @Test
    void openOrdersAreFoundBySymbolUntilRemovedAndTheStoreHoldsTheSame() {
        KeyValueStore<String, byte[]> openOrders = store("open-orders");
        StoreState state = state(openOrders);
        state.putOpenOrder(StoreCodecsTest.LIMIT_ORDER);
        state.putOpenOrder(StoreCodecsTest.PROTECTIVE_OCO);
        state.putOpenOrder(StoreCodecsTest.MARKET_ORDER_OF_UNKNOWN_FATE);

        state.removeOpenOrder(OpenOrderStore.slot(StoreCodecsTest.LIMIT_ORDER.request()), "BTCUSDT");

        assertThat(state.openOrdersOf("BTCUSDT")).containsExactly(StoreCodecsTest.PROTECTIVE_OCO);
        assertThat(state.allOpenOrders()).containsExactly(StoreCodecsTest.PROTECTIVE_OCO, StoreCodecsTest.MARKET_ORDER_OF_UNKNOWN_FATE);
        assertThat(state(openOrders).allOpenOrders()).as("a new state, read from the store")
                .containsExactly(StoreCodecsTest.PROTECTIVE_OCO, StoreCodecsTest.MARKET_ORDER_OF_UNKNOWN_FATE);
        assertThat(state.openOrder(OpenOrderStore.slot(StoreCodecsTest.LIMIT_ORDER.request()), "BTCUSDT")).isEmpty();
    }

    private StoreState state() {
        return state(store("open-orders"));
    }

    private StoreState state(KeyValueStore<String, byte[]> openOrders) {
        return new StoreState(positions, openOrders, store("risk"), store("last-trades"), store("commands"), store("reconcile"));
    }

    private KeyValueStore<String, byte[]> store(String name) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
