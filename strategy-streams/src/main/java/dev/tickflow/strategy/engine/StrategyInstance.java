package dev.tickflow.strategy.engine;

import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.StateReader;
import dev.tickflow.strategy.api.StateWriter;
import dev.tickflow.strategy.api.Step;
import dev.tickflow.strategy.api.Strategy;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured strategy instance (such as A or B) and the runtime around its {@link Strategy}: it decodes the
 * stored state of a symbol, applies a candle or a fill, and encodes the result. Pure: stored bytes and input in,
 * stored bytes and output out, so the Kafka processor, tests and a restore all run the same code.
 *
 * <p>The stored bytes are an envelope: format version, strategy type name, open time of the last candle applied,
 * and the strategy's own bytes. A candle not newer than the last one applied is skipped (a duplicate never gives
 * a second signal). A state of another strategy type (the instance's type was changed) is replaced by a fresh one.
 */
public final class StrategyInstance {

    private static final Logger log = LoggerFactory.getLogger(StrategyInstance.class);
    private static final int ENVELOPE_VERSION = 1;
    private static final long NO_CANDLE = Long.MIN_VALUE;

    private final String name;
    private final String type;
    private final SymbolFilter symbols;
    private final Strategy<?> strategy;

    public StrategyInstance(String name, String type, SymbolFilter symbols, Strategy<?> strategy) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public SymbolFilter symbols() {
        return symbols;
    }

    public Strategy<?> strategy() {
        return strategy;
    }

    public boolean trades(String symbol) {
        return symbols.matches(symbol);
    }

    /** The state store key of this instance and a symbol. */
    public String stateKey(String symbol) {
        return name + ":" + symbol;
    }

    /**
     * Applies one candle to the stored state ({@code null}: none yet).
     *
     * @return the result, or empty when the candle is not newer than the last one applied
     */
    public Optional<CandleResult> onCandle(byte[] stored, Bar bar) {
        return onCandle(strategy, stored, bar);
    }

    /**
     * Applies one fill to the stored state ({@code null}: none yet).
     *
     * @return the state to store, or empty when the fill changed nothing (e.g. a late fill while flat)
     */
    public Optional<byte[]> onFill(byte[] stored, Execution execution) {
        return onFill(strategy, stored, execution);
    }

    private <S> Optional<CandleResult> onCandle(Strategy<S> typed, byte[] stored, Bar bar) {
        Envelope envelope = Envelope.read(stored, type, name, bar.symbol());
        if (envelope.lastOpenTime() != NO_CANDLE && bar.openTime() <= envelope.lastOpenTime()) {
            log.warn("Instance {} skips the candle of {} at {}: not newer than the last one applied ({})",
                    name, bar.symbol(), bar.openTime(), envelope.lastOpenTime());
            return Optional.empty();
        }
        S state = envelope.strategyState() == null ? typed.initialState() : typed.decode(envelope.strategyState());
        Step<S> step = typed.onCandle(state, bar);
        byte[] next = new Envelope(type, bar.openTime(), typed.encode(step.state())).write();
        return Optional.of(new CandleResult(next, step.indicators(), step.decision()));
    }

    private <S> Optional<byte[]> onFill(Strategy<S> typed, byte[] stored, Execution execution) {
        Envelope envelope = Envelope.read(stored, type, name, "");
        S state = envelope.strategyState() == null ? typed.initialState() : typed.decode(envelope.strategyState());
        byte[] before = typed.encode(state);
        byte[] after = typed.encode(typed.onFill(state, execution));
        if (Arrays.equals(before, after)) {
            return Optional.empty();
        }
        return Optional.of(new Envelope(type, envelope.lastOpenTime(), after).write());
    }

    @Override
    public String toString() {
        return name + "=" + strategy + " on " + symbols;
    }

    /** The runtime's part of a stored state; {@code strategyState} null means "start fresh". */
    private record Envelope(String type, long lastOpenTime, byte[] strategyState) {

        static Envelope read(byte[] stored, String expectedType, String instance, String symbol) {
            if (stored == null) {
                return new Envelope(expectedType, NO_CANDLE, null);
            }
            StateReader in = new StateReader(stored);
            int version = in.readByte();
            if (version != ENVELOPE_VERSION) {
                throw new IllegalStateException("Stored state of instance " + instance + " has envelope version " + version
                        + "; this version reads " + ENVELOPE_VERSION);
            }
            String type = in.readString();
            long lastOpenTime = in.readLong();
            byte[] state = in.readBytes();
            in.expectEnd();
            if (!type.equals(expectedType)) {
                log.warn("Instance {} was a {} and is now a {}: its state of {} starts afresh", instance, type, expectedType, symbol);
                return new Envelope(expectedType, lastOpenTime, null);
            }
            return new Envelope(type, lastOpenTime, state);
        }

        byte[] write() {
            return new StateWriter().writeByte(ENVELOPE_VERSION).writeString(type).writeLong(lastOpenTime).writeBytes(strategyState).toByteArray();
        }
    }
}
