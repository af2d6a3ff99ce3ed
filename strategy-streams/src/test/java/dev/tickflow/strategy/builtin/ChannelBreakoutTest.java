package dev.tickflow.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.Decision.Reason;
import dev.tickflow.strategy.api.Decision.Target;
import dev.tickflow.strategy.api.IndicatorValues;
import dev.tickflow.strategy.api.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChannelBreakoutTest {

    private final ChannelBreakout strategy = new ChannelBreakout(3, 2, Optional.of(new StopLoss(new BigDecimal("0.10"))));

    private Map<Integer, Decision> run(List<Bar> bars) {
        Map<Integer, Decision> decisions = new TreeMap<>();
        ChannelBreakout.State state = strategy.initialState();
        for (int i = 0; i < bars.size(); i++) {
            Step<ChannelBreakout.State> step = strategy.onCandle(state, bars.get(i));
            state = step.state();
            assertThat(strategy.stateCodec().decode(strategy.stateCodec().encode(state))).isEqualTo(state);
            int index = i;
            step.decision().ifPresent(decision -> decisions.put(index, decision));
        }
        return decisions;
    }

    @Test
    void publishesTheChannelEachCloseIsComparedWith() {
        List<Bar> bars = List.of(Bars.bar(0, "101", "99", "100"), Bars.bar(1, "102", "98", "101"), Bars.bar(2, "103", "97", "102"),
                Bars.bar(3, "103", "100", "103"));
        List<IndicatorValues> published = new ArrayList<>();
        ChannelBreakout.State state = strategy.initialState();
        for (Bar bar : bars) {
            Step<ChannelBreakout.State> step = strategy.onCandle(state, bar);
            published.add(step.indicators());
            state = step.state();
        }

        // no value before the window (entry 3, exit 2 candles) is full
        assertThat(published).containsExactly(channel(null, null), channel(null, null), channel(null, "98"), channel("103", "97"));
    }

    private static IndicatorValues channel(String upper, String lower) {
        return IndicatorValues.of(ChannelBreakout.UPPER, upper == null ? null : Bars.price(upper))
                .with(ChannelBreakout.LOWER, lower == null ? null : Bars.price(lower));
    }

    @Test
    void entersAboveThePreviousHighsAndExitsBelowThePreviousLows() {
        Map<Integer, Decision> decisions = run(List.of(
                Bars.bar(0, "101", "99", "100"),
                Bars.bar(1, "102", "98", "101"),
                Bars.bar(2, "103", "97", "102"),
                Bars.bar(3, "103", "100", "103"),     // equal to the highest high: no entry
                Bars.bar(4, "105", "101", "104"),     // above 103: entry, stop at 93.6
                Bars.bar(5, "106", "101", "102"),
                Bars.bar(6, "102", "100", "101"),     // lows of 4 and 5: 101; 101 is not below
                Bars.bar(7, "101", "99", "99.99")));  // below min(101, 100) = 100: exit

        assertThat(decisions).containsOnlyKeys(4, 7);
        assertThat(decisions.get(4)).isEqualTo(Decision.enter(Reason.ENTRY_RULE, new BigDecimal("93.6000000000000000")));
        assertThat(decisions.get(7)).isEqualTo(Decision.exit(Reason.EXIT_RULE));
    }

    @Test
    void theStopLossComesFirst() {
        Map<Integer, Decision> decisions = run(List.of(
                Bars.bar(0, "100", "100", "100"),
                Bars.bar(1, "100", "100", "100"),
                Bars.bar(2, "100", "100", "100"),
                Bars.bar(3, "110", "100", "110"),
                Bars.bar(4, "110", "110", "90", "90")));

        assertThat(decisions.get(3)).isEqualTo(Decision.enter(Reason.ENTRY_RULE, new BigDecimal("99.0000000000000000")));
        assertThat(decisions.get(4)).isEqualTo(new Decision(Target.FLAT, Reason.STOP_LOSS, new BigDecimal("99.0000000000000000")));
    }
}
