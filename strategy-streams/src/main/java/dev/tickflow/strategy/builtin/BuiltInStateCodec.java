package dev.tickflow.strategy.builtin;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.strategy.api.LegacyStateReader;

/**
 * The state codec of a built-in strategy: version 2 in the primitives of the state-codec convention, and version 1, the
 * same fields in the layout before it, read with {@link LegacyStateReader}.
 */
abstract class BuiltInStateCodec<S> implements StateCodec<S> {
    private final String type;

    BuiltInStateCodec(String type) {
        this.type = type;
    }

    @Override
    public String name() {
        return type + " state";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public final S read(int version, StateReader in) {
        if (version == 1) {
            LegacyStateReader legacy = new LegacyStateReader(in.readRemaining());
            S state = readVersion1(legacy);
            legacy.expectEnd();
            return state;
        }
        return readVersion2(in);
    }

    abstract S readVersion1(LegacyStateReader in);

    abstract S readVersion2(StateReader in);
}
