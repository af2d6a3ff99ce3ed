package dev.tickflow.strategy.engine;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.Step;
import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.api.Strategy;
import dev.tickflow.strategy.api.StrategyParameters;
import dev.tickflow.strategy.api.StrategyType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured strategy instance (such as A or B) and the runtime around its {@link Strategy}: it decodes the
 * stored state of a symbol, applies a candle or a fill, and encodes the result. Pure: stored bytes and input in,
 * stored bytes and output out, so the Kafka processor, tests and a restore all run the same code.
 *
 * <p>The stored bytes are an envelope ({@link StoredState}): strategy type name, open time of the last candle applied,
 * and the strategy's state as its {@link Strategy#stateCodec()} encodes it; both carry their own version. A candle not
 * newer than the last one applied is skipped (a duplicate never gives a second signal). A state of another strategy type
 * (the instance's type was changed) is replaced by a fresh one.
 */
public final class StrategyInstance {

    private static final Logger log = LoggerFactory.getLogger(StrategyInstance.class);

    private final String name;
    private final String type;
    private final SymbolFilter symbols;
    private final Strategy<?> strategy;
    private final StrategyType factory;
    private final Map<String, String> parameters;
    private final Set<String> parameterNames;

    /** An instance that cannot be reconfigured at run time (tests, hand-built strategies). */
    public StrategyInstance(String name, String type, SymbolFilter symbols, Strategy<?> strategy) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.factory = null;
        this.parameters = Map.of();
        this.parameterNames = Set.of();
    }

    /**
     * An instance created by its type from its settings ({@code strategy.<name>.<setting>} without type and symbols).
     *
     * @throws InvalidStrategyConfigException naming the bad or unknown setting
     */
    public StrategyInstance(String name, StrategyType type, SymbolFilter symbols, Map<String, String> parameters) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type.name();
        this.symbols = Objects.requireNonNull(symbols, "symbols");
        this.factory = type;
        this.parameters = Map.copyOf(parameters);
        String prefix = StrategyInstances.PREFIX + name + ".";
        StrategyParameters read = new StrategyParameters(name, prefix, parameters);
        try {
            this.strategy = type.create(read);
        } catch (InvalidStrategyConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidStrategyConfigException(prefix + StrategyInstances.TYPE, type.name(), e.getMessage());
        }
        this.parameterNames = Set.copyOf(read.known());
        if (!read.unread().isEmpty()) {
            String unknown = read.unread().iterator().next();
            throw new InvalidStrategyConfigException(prefix + unknown, parameters.get(unknown), "is no setting of a " + type.name()
                    + " strategy; its settings are " + new TreeSet<>(Set.of(StrategyInstances.TYPE, StrategyInstances.SYMBOLS))
                    + " and " + new TreeSet<>(parameterNames));
        }
    }

    /** The settings the instance's type knows (e.g. sma, ema, stop-loss); empty when it cannot be reconfigured. */
    public Set<String> parameterNames() {
        return new TreeSet<>(parameterNames);
    }

    /** The settings it was created with, by name, sorted. */
    public Map<String, String> parameters() {
        return new TreeMap<>(parameters);
    }

    /**
     * The same instance with some settings changed (the others as they are): the operator's SET_PARAMETERS. A changed
     * indicator length restarts that indicator's warm-up (the strategy's codec reads the stored state with the new
     * lengths); the position is kept.
     *
     * @throws InvalidStrategyConfigException naming an unknown setting or a bad value; the instance is unchanged
     */
    public StrategyInstance withParameters(Map<String, String> changes) {
        if (factory == null) {
            throw new InvalidStrategyConfigException(StrategyInstances.PREFIX + name, null, "cannot change its settings at run time");
        }
        if (changes.isEmpty()) {
            throw new InvalidStrategyConfigException(StrategyInstances.PREFIX + name, null, "no setting to change was given; its settings are "
                    + parameterNames());
        }
        for (String setting : changes.keySet()) {
            if (!parameterNames.contains(setting)) {
                throw new InvalidStrategyConfigException(StrategyInstances.PREFIX + name + "." + setting, changes.get(setting),
                        "is no setting of a " + type + " strategy that can be changed; its settings are " + parameterNames());
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(changes);
        return new StrategyInstance(name, factory, symbols, merged);
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
        StoredState envelope = read(stored, bar.symbol());
        if (envelope.lastOpenTime() != StoredState.NO_CANDLE && bar.openTime() <= envelope.lastOpenTime()) {
            log.warn("Instance {} skips the candle of {} at {}: not newer than the last one applied ({})",
                    name, bar.symbol(), bar.openTime(), envelope.lastOpenTime());
            return Optional.empty();
        }
        Step<S> step = typed.onCandle(stateOf(typed, envelope), bar);
        byte[] next = StoredState.CODEC.encode(new StoredState(type, bar.openTime(), typed.stateCodec().encode(step.state())));
        return Optional.of(new CandleResult(next, step.indicators(), step.decision()));
    }

    private <S> Optional<byte[]> onFill(Strategy<S> typed, byte[] stored, Execution execution) {
        StoredState envelope = read(stored, "");
        StateCodec<S> codec = typed.stateCodec();
        S state = stateOf(typed, envelope);
        byte[] before = codec.encode(state);
        byte[] after = codec.encode(typed.onFill(state, execution));
        if (Arrays.equals(before, after)) {
            return Optional.empty();
        }
        return Optional.of(StoredState.CODEC.encode(new StoredState(type, envelope.lastOpenTime(), after)));
    }

    private static <S> S stateOf(Strategy<S> typed, StoredState envelope) {
        return envelope.strategyState() == null ? typed.initialState() : typed.stateCodec().decode(envelope.strategyState());
    }

    /** The envelope of the stored bytes; without a strategy state when there are none or they are of another type. */
    private StoredState read(byte[] stored, String symbol) {
        if (stored == null) {
            return new StoredState(type, StoredState.NO_CANDLE, null);
        }
        StoredState envelope = StoredState.CODEC.decode(stored);
        if (!envelope.type().equals(type)) {
            log.warn("Instance {} was a {} and is now a {}: its state of {} starts afresh", name, envelope.type(), type, symbol);
            return new StoredState(type, envelope.lastOpenTime(), null);
        }
        return envelope;
    }

    @Override
    public String toString() {
        return name + "=" + strategy + " on " + symbols;
    }
}
