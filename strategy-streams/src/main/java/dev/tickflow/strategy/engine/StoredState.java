package dev.tickflow.strategy.engine;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.runtime.state.StateWriter;
import dev.tickflow.strategy.api.LegacyStateReader;

/**
 * The runtime's envelope around a strategy's state, the value of one (instance, symbol) in the state store: the strategy
 * type, the open time of the last candle applied, and the strategy's state as its own {@link StateCodec} encoded it (with
 * that codec's version header).
 *
 * @param strategyState null: none, start afresh
 */
record StoredState(String type, long lastOpenTime, byte[] strategyState) {

    static final long NO_CANDLE = Long.MIN_VALUE;
    static final StateCodec<StoredState> CODEC = new Codec();

    /**
     * Version 2: type, last open time, strategy state as a length and bytes. Version 1 held the same in the layout of
     * {@link LegacyStateReader}, its strategy state in the strategy's own version 1.
     */
    private static final class Codec implements StateCodec<StoredState> {
        @Override
        public String name() {
            return "strategy instance state";
        }

        @Override
        public int version() {
            return 2;
        }

        @Override
        public void write(StoredState value, StateWriter out) {
            out.writeString(value.type()).writeLong(value.lastOpenTime()).writeBytes(value.strategyState());
        }

        @Override
        public StoredState read(int version, StateReader in) {
            if (version == 1) {
                LegacyStateReader legacy = new LegacyStateReader(in.readRemaining());
                StoredState value = new StoredState(legacy.readString(), legacy.readLong(), legacy.readBytes());
                legacy.expectEnd();
                return value;
            }
            return new StoredState(in.readString(), in.readLong(), in.readBytes());
        }
    }
}
