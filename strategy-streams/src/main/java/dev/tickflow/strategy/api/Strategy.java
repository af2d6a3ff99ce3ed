package dev.tickflow.strategy.api;

import dev.tickflow.runtime.state.StateCodec;

/**
 * A trading strategy of one configured instance, for one symbol at a time: plain Java, no Kafka.
 *
 * <p>The runtime keeps one state per (instance, symbol), hands it to {@link #onCandle} and {@link #onFill} and
 * stores what they return. Implementations must be deterministic functions of their configuration, the state
 * and the input (no wall clock, no randomness), so a replay or a restart from a saved state reproduces the same
 * output. States are immutable values; the runtime persists them with the {@link #stateCodec()}.
 *
 * @param <S> the state of one symbol
 */
public interface Strategy<S> {

    /** The state before the first candle of a symbol. */
    S initialState();

    /** One final candle of the symbol (gap-filled candles included): the new state, indicator values, maybe a signal. */
    Step<S> onCandle(S state, Bar bar);

    /** One execution of this instance's orders in the symbol. The default ignores fills. */
    default S onFill(S state, Execution execution) {
        return state;
    }

    /**
     * How the state is stored (in the runtime's envelope, in the state store and its changelog): the version it writes,
     * its fields, and a read of every version ever written. Its read also gets states written with another configuration
     * of this strategy (e.g. a changed period): migrate them or start the affected parts afresh. Two equal states must
     * encode to the same bytes (the runtime stores nothing when a fill changed nothing).
     */
    StateCodec<S> stateCodec();
}
