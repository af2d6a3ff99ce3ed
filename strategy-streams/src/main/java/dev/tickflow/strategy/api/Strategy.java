package dev.tickflow.strategy.api;

/**
 * A trading strategy of one configured instance, for one symbol at a time: plain Java, no Kafka.
 *
 * <p>The runtime keeps one state per (instance, symbol), hands it to {@link #onCandle} and {@link #onFill} and
 * stores what they return. Implementations must be deterministic functions of their configuration, the state
 * and the input (no wall clock, no randomness), so a replay or a restart from a saved state reproduces the same
 * output. States are immutable values; the runtime persists them with {@link #encode} and {@link #decode}.
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
     * The state as bytes for the state store and its changelog. Start with a format version of your own
     * ({@link StateWriter} helps) so that {@link #decode} can read states written by older versions.
     */
    byte[] encode(S state);

    /**
     * A state written by {@link #encode}, possibly by an older version or another configuration of this strategy
     * (e.g. a changed period): migrate it or start the affected parts afresh.
     */
    S decode(byte[] bytes);
}
