package dev.tickflow.strategy.builtin;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.runtime.state.StateWriter;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision.Reason;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.IndicatorValues;
import dev.tickflow.strategy.api.LegacyStateReader;
import dev.tickflow.strategy.api.Step;
import dev.tickflow.strategy.api.Strategy;
import dev.tickflow.strategy.api.StrategyParameters;
import dev.tickflow.strategy.api.StrategyType;
import dev.tickflow.strategy.indicator.RollingExtreme;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A Donchian channel breakout, long-only. While flat: a close strictly above the highest high of the previous
 * {@code entry} candles gives LONG / ENTRY_RULE. While long: the stop loss first (as in {@link SmaEmaCrossover}), then
 * a close strictly below the lowest low of the previous {@code exit} candles gives FLAT / EXIT_RULE. The channel of a
 * candle never includes the candle itself; no signal before the channel has its full length. It publishes the channel a
 * candle's close was compared with as the indicators {@value #UPPER} and {@value #LOWER} (no SMA/EMA).
 */
public final class ChannelBreakout implements Strategy<ChannelBreakout.State> {

    public static final String TYPE = "breakout";
    public static final int DEFAULT_ENTRY_PERIOD = 20;
    public static final int DEFAULT_EXIT_PERIOD = 10;
    /** The indicator of the highest high of the previous {@code entry} candles. */
    public static final String UPPER = "upper";
    /** The indicator of the lowest low of the previous {@code exit} candles. */
    public static final String LOWER = "lower";

    private final int entryPeriod;
    private final int exitPeriod;
    private final Optional<StopLoss> stopLoss;
    private final LongOnlyRule rule;
    private final StateCodec<State> stateCodec = new Codec();

    public ChannelBreakout(int entryPeriod, int exitPeriod, Optional<StopLoss> stopLoss) {
        this.entryPeriod = entryPeriod;
        this.exitPeriod = exitPeriod;
        this.stopLoss = stopLoss;
        this.rule = new LongOnlyRule(stopLoss);
    }

    /** The highs and lows of the previous candles, and the position. */
    public record State(RollingExtreme highs, RollingExtreme lows, LongPosition position) {
    }

    /** Registers the strategy as {@value #TYPE} with settings {@code entry}, {@code exit}, {@code stop-loss} and {@code stop-trigger}. */
    public static final class Type implements StrategyType {
        @Override
        public String name() {
            return TYPE;
        }

        @Override
        public Strategy<?> create(StrategyParameters parameters) {
            int entry = parameters.integer("entry", DEFAULT_ENTRY_PERIOD, 1, 10_000);
            int exit = parameters.integer("exit", DEFAULT_EXIT_PERIOD, 1, 10_000);
            return new ChannelBreakout(entry, exit, StopLoss.from(parameters));
        }
    }

    @Override
    public State initialState() {
        return new State(RollingExtreme.highest(entryPeriod), RollingExtreme.lowest(exitPeriod), LongPosition.FLAT);
    }

    @Override
    public Step<State> onCandle(State state, Bar bar) {
        BigDecimal close = bar.close();
        Optional<BigDecimal> upper = state.highs().value();
        Optional<BigDecimal> lower = state.lows().value();
        RollingExtreme highs = state.highs().add(bar.high());
        RollingExtreme lows = state.lows().add(bar.low());
        boolean belowChannel = lower.isPresent() && close.compareTo(lower.get()) < 0;
        boolean aboveChannel = upper.isPresent() && close.compareTo(upper.get()) > 0;
        LongOnlyRule.Outcome outcome = rule.decide(state.position(), bar, belowChannel, Reason.EXIT_RULE, aboveChannel, Reason.ENTRY_RULE);
        State next = new State(highs, lows, outcome.position());
        IndicatorValues channel = IndicatorValues.of(UPPER, upper.orElse(null)).with(LOWER, lower.orElse(null));
        return outcome.decision().map(decision -> Step.decide(next, channel, decision)).orElseGet(() -> Step.hold(next, channel));
    }

    @Override
    public State onFill(State state, Execution execution) {
        return new State(state.highs(), state.lows(), state.position().onFill(execution));
    }

    @Override
    public StateCodec<State> stateCodec() {
        return stateCodec;
    }

    /** A window saved with another period starts afresh; the position is kept. */
    private State restored(RollingExtreme highs, RollingExtreme lows, LongPosition position) {
        State fresh = initialState();
        return new State(highs.period() == entryPeriod ? highs : fresh.highs(), lows.period() == exitPeriod ? lows : fresh.lows(), position);
    }

    /** Version 2: entry period and highs, exit period and lows, position. Version 1 held them in the layout of {@link LegacyStateReader}. */
    private final class Codec extends BuiltInStateCodec<State> {
        Codec() {
            super(TYPE);
        }

        @Override
        public void write(State state, StateWriter out) {
            out.writeInt(state.highs().period()).writeList(state.highs().values(), StateWriter::writeDecimal);
            out.writeInt(state.lows().period()).writeList(state.lows().values(), StateWriter::writeDecimal);
            state.position().writeTo(out);
        }

        @Override
        State readVersion2(StateReader in) {
            RollingExtreme highs = RollingExtreme.restore(RollingExtreme.Kind.HIGHEST, in.readInt(), in.readList(StateReader::readDecimal));
            RollingExtreme lows = RollingExtreme.restore(RollingExtreme.Kind.LOWEST, in.readInt(), in.readList(StateReader::readDecimal));
            return restored(highs, lows, LongPosition.readFrom(in));
        }

        @Override
        State readVersion1(LegacyStateReader in) {
            RollingExtreme highs = RollingExtreme.restore(RollingExtreme.Kind.HIGHEST, in.readInt(), in.readDecimals());
            RollingExtreme lows = RollingExtreme.restore(RollingExtreme.Kind.LOWEST, in.readInt(), in.readDecimals());
            return restored(highs, lows, LongPosition.readFrom(in));
        }
    }

    @Override
    public String toString() {
        return TYPE + "(entry=" + entryPeriod + ", exit=" + exitPeriod + stopLoss.map(s -> ", " + s.describe()).orElse("") + ")";
    }
}
