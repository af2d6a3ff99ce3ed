package dev.tickflow.strategy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateCodecContract;
import dev.tickflow.strategy.Bars;
import java.util.List;

/** Version 1 golden bytes were written by the runtime's envelope before the state-codec convention. */
class StoredStateCodecTest extends StateCodecContract<StoredState> {

    private static final StoredState CROSSOVER = new StoredState("sma-ema-crossover", Bars.openTime(15), new byte[] {1, 2, 3});
    private static final StoredState FILL_BEFORE_ANY_CANDLE = new StoredState("breakout", StoredState.NO_CANDLE, new byte[0]);

    @Override
    protected StateCodec<StoredState> codec() {
        return StoredState.CODEC;
    }

    @Override
    protected List<StoredState> samples() {
        return List.of(CROSSOVER, FILL_BEFORE_ANY_CANDLE);
    }

    @Override
    protected List<Golden<StoredState>> golden() {
        return List.of(
                Golden.hex("010011736d612d656d612d63726f73736f7665720000019bc126bca000000003010203", CROSSOVER),
                Golden.hex("010008627265616b6f7574800000000000000000000000", FILL_BEFORE_ANY_CANDLE),
                Golden.hex("0222736d612d656d612d63726f73736f766572c0f2b592f86606010203", CROSSOVER),
                Golden.hex("0210627265616b6f7574ffffffffffffffffff0100", FILL_BEFORE_ANY_CANDLE));
    }

    /** A record with an array: compared by content. */
    @Override
    protected void assertSameValue(StoredState actual, StoredState expected) {
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.lastOpenTime()).isEqualTo(expected.lastOpenTime());
        assertThat(actual.strategyState()).isEqualTo(expected.strategyState());
    }
}
