package dev.tickflow.strategy.builtin;

import static dev.tickflow.strategy.Bars.DIVERGING;
import static dev.tickflow.strategy.Bars.WARM_UP_DIP_AND_RALLY;
import static dev.tickflow.strategy.Bars.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.Decision.Reason;
import dev.tickflow.strategy.api.Decision.Target;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.IndicatorValues;
import dev.tickflow.strategy.api.Step;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SmaEmaCrossoverTest {

    private static SmaEmaCrossover strategy(int sma, int ema, String stopLoss) {
        return new SmaEmaCrossover(sma, ema, Optional.ofNullable(stopLoss).map(BigDecimal::new).map(StopLoss::new));
    }

    /** The decisions by candle index. */
    private static Map<Integer, Decision> run(SmaEmaCrossover strategy, String... closes) {
        Map<Integer, Decision> decisions = new TreeMap<>();
        SmaEmaCrossover.State state = strategy.initialState();
        for (Bar bar : Bars.closes(closes)) {
            Step<SmaEmaCrossover.State> step = strategy.onCandle(state, bar);
            state = step.state();
            int index = (int) ((bar.openTime() - Bars.START) / Bars.MINUTE);
            step.decision().ifPresent(decision -> decisions.put(index, decision));
        }
        return decisions;
    }

    @Test
    void publishesNoValueBeforeEachIsReady() {
        SmaEmaCrossover strategy = strategy(10, 5, "0.15");
        SmaEmaCrossover.State state = strategy.initialState();
        for (int i = 0; i < 10; i++) {
            Step<SmaEmaCrossover.State> step = strategy.onCandle(state, Bars.bar(i, Integer.toString(100 + i)));
            state = step.state();
            assertThat(step.indicators().get(IndicatorValues.EMA) == null).as("EMA at %d", i).isEqualTo(i < 4);
            assertThat(step.indicators().get(IndicatorValues.SMA) == null).as("SMA at %d", i).isEqualTo(i < 9);
            assertThat(step.indicators().values()).containsOnlyKeys(IndicatorValues.SMA, IndicatorValues.EMA);
            assertThat(step.decision()).isEmpty();
        }
    }

    @Test
    void noSignalWhileWarmingUpEvenIfTheEmaCrossesDuringIt() {
        // The EMA (ready at 4) is below, then above the last closes; the SMA is not ready until 9.
        assertThat(run(strategy(10, 5, null), "100", "100", "100", "100", "100", "90", "80", "120", "130", "140")).isEmpty();
    }

    @Test
    void buysOnACrossUpAndSellsOnACrossDown() {
        Map<Integer, Decision> decisions = run(strategy(10, 5, null), DIVERGING);

        assertThat(decisions).containsOnlyKeys(13, 21, 28);
        assertThat(decisions.get(13)).isEqualTo(Decision.enter(Reason.CROSS_UP, null));
        assertThat(decisions.get(21)).isEqualTo(Decision.exit(Reason.CROSS_DOWN));
        assertThat(decisions.get(28)).isEqualTo(Decision.enter(Reason.CROSS_UP, null));
    }

    @Test
    void theFirstSideAfterWarmUpIsNoCross() {
        // SMA and EMA equal when both get ready, then the EMA rises above: a side, not a cross.
        assertThat(run(strategy(10, 5, null), "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "101", "105")).isEmpty();
    }

    @Test
    void equalityIsNotACross() {
        // SMA(2) and EMA(1): EMA - SMA = (close - previous close) / 2, zero when the close repeats.
        assertThat(run(strategy(2, 1, null), "10", "9", "9", "10")).containsOnlyKeys(3);
        assertThat(run(strategy(2, 1, null), "10", "11", "11", "12")).isEmpty();
        assertThat(run(strategy(2, 1, null), "10", "9", "10", "10", "11", "11", "10"))
                .containsOnlyKeys(2, 6)
                .hasEntrySatisfying(6, decision -> assertThat(decision.reason()).isEqualTo(Reason.CROSS_DOWN));
    }

    @Test
    void stopLossOfFifteenPercent() {
        // Entry at 104: stop at 88.4; 88.5 does not trigger, 88.4 does.
        assertThat(run(strategy(10, 5, "0.15"), concat(WARM_UP_DIP_AND_RALLY, "88.5"))).containsOnlyKeys(13);
        Map<Integer, Decision> decisions = run(strategy(10, 5, "0.15"), concat(WARM_UP_DIP_AND_RALLY, "88.4"));
        assertThat(decisions.get(13)).isEqualTo(Decision.enter(Reason.CROSS_UP, new BigDecimal("88.4000000000000000")));
        assertThat(decisions.get(17)).isEqualTo(new Decision(Target.FLAT, Reason.STOP_LOSS, new BigDecimal("88.4000000000000000")));
    }

    @Test
    void stopLossOfTenPercent() {
        assertThat(run(strategy(10, 5, "0.10"), concat(WARM_UP_DIP_AND_RALLY, "93.61"))).containsOnlyKeys(13);
        assertThat(run(strategy(10, 5, "0.10"), concat(WARM_UP_DIP_AND_RALLY, "93.6")).get(17))
                .isEqualTo(new Decision(Target.FLAT, Reason.STOP_LOSS, new BigDecimal("93.6000000000000000")));
    }

    @Test
    void theLowOfACandleThatRecoversTriggersTheStopUnlessItIsOnTheClose() {
        // entry at 104, stop of 15 % at 88.4; the candle at 17 trades down to 88.4 and closes at 150
        Bar wick = Bars.bar(17, "160", "161", "88.4", "150");
        Bar shallowWick = Bars.bar(17, "160", "161", "88.41", "150");
        assertThat(decide(strategy(10, 5, "0.15"), wick))
                .contains(new Decision(Target.FLAT, Reason.STOP_LOSS, new BigDecimal("88.4000000000000000")));
        assertThat(decide(strategy(10, 5, "0.15"), shallowWick)).isEmpty();
        assertThat(decide(new SmaEmaCrossover(10, 5, Optional.of(new StopLoss(new BigDecimal("0.15"), StopLoss.Trigger.CLOSE))), wick)).isEmpty();
    }

    @Test
    void aCandleThatOpensBelowTheStopExitsAtItsOpen() {
        assertThat(decide(strategy(10, 5, "0.15"), Bars.bar(17, "80", "95", "79", "95")))
                .contains(new Decision(Target.FLAT, Reason.STOP_LOSS, new BigDecimal("80.0000000000000000")));
    }

    /** The decision on {@code last} after the candles of {@link Bars#WARM_UP_DIP_AND_RALLY} (long from 13 at 104). */
    private static Optional<Decision> decide(SmaEmaCrossover strategy, Bar last) {
        SmaEmaCrossover.State state = strategy.initialState();
        for (Bar bar : Bars.closes(WARM_UP_DIP_AND_RALLY)) {
            state = strategy.onCandle(state, bar).state();
        }
        return strategy.onCandle(state, last).decision();
    }

    @Test
    void stopLossTakesPrecedenceOverACrossDownOnTheSameCandle() {
        // Cross up at 27 (entry 110, stop 99); at 28 the close 90 is below the stop and the EMA crosses below the SMA.
        String[] closes = {"100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "99", "98", "97", "100", "104", "108",
            "110", "112", "111", "109", "105", "100", "95", "90", "94", "99", "104", "110", "90"};
        assertThat(run(strategy(10, 5, null), closes).get(28)).isEqualTo(Decision.exit(Reason.CROSS_DOWN));

        Map<Integer, Decision> decisions = run(strategy(10, 5, "0.10"), closes);

        assertThat(decisions.get(27)).isEqualTo(Decision.enter(Reason.CROSS_UP, new BigDecimal("99.0000000000000000")));
        // the flat candle of 90 opened below the stop (a gap): the exit is at its open
        assertThat(decisions.get(28)).isEqualTo(new Decision(Target.FLAT, Reason.STOP_LOSS, new BigDecimal("90.0000000000000000")));
    }

    @Test
    void reEntersAfterAStopLossOnlyOnANewCrossUp() {
        Map<Integer, Decision> decisions = run(strategy(10, 5, "0.10"), DIVERGING);

        assertThat(decisions).containsOnlyKeys(13, 17, 28);
        assertThat(decisions.get(17).reason()).isEqualTo(Reason.STOP_LOSS);
        assertThat(decisions.get(28)).isEqualTo(Decision.enter(Reason.CROSS_UP, new BigDecimal("100.8000000000000000")));
    }

    @Test
    void theVariantsDivergeOnTheSameCandles() {
        assertThat(run(strategy(10, 5, "0.15"), DIVERGING)).containsOnlyKeys(13, 21, 28);
        assertThat(run(strategy(10, 5, "0.10"), DIVERGING)).containsOnlyKeys(13, 17, 28);
    }

    @Test
    void theEntryPriceIsTheAveragePriceOfTheBuyFills() {
        SmaEmaCrossover strategy = strategy(10, 5, "0.15");
        SmaEmaCrossover.State state = strategy.initialState();
        for (Bar bar : Bars.closes(WARM_UP_DIP_AND_RALLY)) {
            state = strategy.onCandle(state, bar).state();
        }
        state = strategy.onFill(state, new Execution("o1", Execution.Side.BUY, Bars.price("108"), Bars.price("0.0005"), Bars.START));
        state = strategy.onFill(state, new Execution("o1", Execution.Side.BUY, Bars.price("112"), Bars.price("0.0005"), Bars.START));

        assertThat(state.position().entryPrice()).isEqualByComparingTo("110");
        // 110 x 0.85 = 93.5: a fall from 160 to 93 now triggers the stop of A, which the signal's close (104) would not.
        Step<SmaEmaCrossover.State> step = strategy.onCandle(state, Bars.bar(17, "160", "160", "93", "93"));
        assertThat(step.decision()).contains(new Decision(Target.FLAT, Reason.STOP_LOSS, new BigDecimal("93.5000000000000000")));
    }

    @Test
    void aStateSurvivesEncodingExactly() {
        SmaEmaCrossover strategy = strategy(10, 5, "0.15");
        StateCodec<SmaEmaCrossover.State> codec = strategy.stateCodec();
        SmaEmaCrossover.State state = strategy.initialState();
        assertThat(codec.decode(codec.encode(state))).isEqualTo(state);
        for (Bar bar : Bars.closes(DIVERGING)) {
            state = strategy.onCandle(state, bar).state();
            assertThat(codec.decode(codec.encode(state))).isEqualTo(state);
        }
    }

    @Test
    void aStateOfOtherPeriodsKeepsItsPositionAndWarmsUpAgain() {
        SmaEmaCrossover old = strategy(10, 5, "0.15");
        SmaEmaCrossover.State state = old.initialState();
        for (Bar bar : Bars.closes(WARM_UP_DIP_AND_RALLY)) {
            state = old.onCandle(state, bar).state();
        }

        SmaEmaCrossover.State migrated = strategy(20, 5, "0.15").stateCodec().decode(old.stateCodec().encode(state));

        assertThat(migrated.position()).isEqualTo(state.position());
        assertThat(migrated.sma().values()).isEmpty();
        assertThat(migrated.ema().value()).isEmpty();
    }
}
