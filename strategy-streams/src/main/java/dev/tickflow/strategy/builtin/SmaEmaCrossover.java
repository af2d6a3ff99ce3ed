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
import dev.tickflow.strategy.indicator.CrossDetector;
import dev.tickflow.strategy.indicator.CrossDetector.Cross;
import dev.tickflow.strategy.indicator.ExponentialMovingAverage;
import dev.tickflow.strategy.indicator.SimpleMovingAverage;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The strategy of the original system, made exact. Long-only:
 * <ol>
 *   <li>While long, the stop loss is checked first: a low (or, with {@code stop-trigger=close}, a close) &lt;= entry x
 *       (1 - stopLoss) gives FLAT / STOP_LOSS, and
 *       nothing else happens on that candle (in particular no re-entry).</li>
 *   <li>Otherwise, while long, the EMA crossing below the SMA gives FLAT / CROSS_DOWN.</li>
 *   <li>While flat, the EMA crossing above the SMA gives LONG / CROSS_UP. After a stop loss the EMA is usually still
 *       above the SMA, so re-entry needs a new cross up.</li>
 * </ol>
 * Crosses are seen by {@link CrossDetector} on the rounded SMA and EMA, only on candles where both are ready. It publishes
 * the two as the indicators {@code sma} and {@code ema}.
 */
public final class SmaEmaCrossover implements Strategy<SmaEmaCrossover.State> {

    public static final String TYPE = "sma-ema-crossover";
    public static final int DEFAULT_SMA_PERIOD = 10;
    public static final int DEFAULT_EMA_PERIOD = 5;
    private final int smaPeriod;
    private final int emaPeriod;
    private final Optional<StopLoss> stopLoss;
    private final LongOnlyRule rule;
    private final StateCodec<State> stateCodec = new Codec();

    public SmaEmaCrossover(int smaPeriod, int emaPeriod, Optional<StopLoss> stopLoss) {
        this.smaPeriod = smaPeriod;
        this.emaPeriod = emaPeriod;
        this.stopLoss = stopLoss;
        this.rule = new LongOnlyRule(stopLoss);
    }

    /** The state of one symbol. */
    public record State(SimpleMovingAverage sma, ExponentialMovingAverage ema, CrossDetector detector, LongPosition position) {
    }

    /** Registers the strategy as {@value #TYPE} with settings {@code sma}, {@code ema}, {@code stop-loss} and {@code stop-trigger}. */
    public static final class Type implements StrategyType {
        @Override
        public String name() {
            return TYPE;
        }

        @Override
        public Strategy<?> create(StrategyParameters parameters) {
            int sma = parameters.integer("sma", DEFAULT_SMA_PERIOD, 1, 10_000);
            int ema = parameters.integer("ema", DEFAULT_EMA_PERIOD, 1, 10_000);
            return new SmaEmaCrossover(sma, ema, StopLoss.from(parameters));
        }
    }

    @Override
    public State initialState() {
        return new State(SimpleMovingAverage.of(smaPeriod), ExponentialMovingAverage.of(emaPeriod), CrossDetector.INITIAL, LongPosition.FLAT);
    }

    @Override
    public Step<State> onCandle(State state, Bar bar) {
        BigDecimal close = bar.close();
        SimpleMovingAverage sma = state.sma().add(close);
        ExponentialMovingAverage ema = state.ema().add(close);
        IndicatorValues values = IndicatorValues.of(IndicatorValues.SMA, sma.value().orElse(null))
                .with(IndicatorValues.EMA, ema.value().orElse(null));
        CrossDetector detector = state.detector();
        Cross cross = Cross.NONE;
        if (sma.isReady() && ema.isReady()) {
            CrossDetector.Observation observation = detector.observe(ema.value().get(), sma.value().get());
            detector = observation.detector();
            cross = observation.cross();
        }

        LongOnlyRule.Outcome outcome = rule.decide(state.position(), bar, cross == Cross.DOWN, Reason.CROSS_DOWN, cross == Cross.UP, Reason.CROSS_UP);
        State next = new State(sma, ema, detector, outcome.position());
        return outcome.decision().map(decision -> Step.decide(next, values, decision)).orElseGet(() -> Step.hold(next, values));
    }

    @Override
    public State onFill(State state, Execution execution) {
        return new State(state.sma(), state.ema(), state.detector(), state.position().onFill(execution));
    }

    @Override
    public StateCodec<State> stateCodec() {
        return stateCodec;
    }

    /** A state saved with other periods keeps its position but warms the indicators up again. */
    private State restored(SimpleMovingAverage sma, ExponentialMovingAverage ema, CrossDetector detector, LongPosition position) {
        if (sma.period() != smaPeriod || ema.period() != emaPeriod) {
            State fresh = initialState();
            return new State(fresh.sma(), fresh.ema(), fresh.detector(), position);
        }
        return new State(sma, ema, detector, position);
    }

    /**
     * Version 2: SMA period and window, EMA period, closes seen, seed sum and value, side of the EMA, position. Version 1
     * held the same fields in the layout of {@link LegacyStateReader}.
     */
    private final class Codec extends BuiltInStateCodec<State> {
        Codec() {
            super(TYPE);
        }

        @Override
        public void write(State state, StateWriter out) {
            out.writeInt(state.sma().period()).writeList(state.sma().values(), StateWriter::writeDecimal);
            ExponentialMovingAverage ema = state.ema();
            out.writeInt(ema.period()).writeInt(ema.seen()).writeDecimal(ema.seedSum()).writeDecimal(ema.value().orElse(null));
            out.writeEnum(state.detector().side());
            state.position().writeTo(out);
        }

        @Override
        State readVersion2(StateReader in) {
            SimpleMovingAverage sma = SimpleMovingAverage.restore(in.readInt(), in.readList(StateReader::readDecimal));
            ExponentialMovingAverage ema = ExponentialMovingAverage.restore(in.readInt(), in.readInt(), in.readDecimal(), in.readDecimal());
            return restored(sma, ema, new CrossDetector(in.readEnum(CrossDetector.Side.class)), LongPosition.readFrom(in));
        }

        @Override
        State readVersion1(LegacyStateReader in) {
            SimpleMovingAverage sma = SimpleMovingAverage.restore(in.readInt(), in.readDecimals());
            ExponentialMovingAverage ema = ExponentialMovingAverage.restore(in.readInt(), in.readInt(), in.readDecimal(), in.readDecimal());
            CrossDetector detector = new CrossDetector(CrossDetector.Side.values()[in.readByte()]);
            return restored(sma, ema, detector, LongPosition.readFrom(in));
        }
    }

    @Override
    public String toString() {
        return TYPE + "(sma=" + smaPeriod + ", ema=" + emaPeriod + stopLoss.map(s -> ", " + s.describe()).orElse("") + ")";
    }
}
