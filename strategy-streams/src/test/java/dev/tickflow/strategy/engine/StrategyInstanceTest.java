package dev.tickflow.strategy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.IndicatorValues;
import dev.tickflow.strategy.builtin.ChannelBreakout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyInstanceTest {

    private final StrategyInstance a = StrategyInstances.defaults().get(0);

    /** What an instance published for one candle, comparable across runs. */
    private record Output(long openTime, IndicatorValues indicators, Optional<Decision> decision) {
    }

    /** Runs candles (and a fill after candle 14) from a stored state, returning the outputs and the last stored state. */
    private static byte[] run(StrategyInstance instance, byte[] stored, List<Bar> bars, List<Output> outputs) {
        for (Bar bar : bars) {
            Optional<CandleResult> result = instance.onCandle(stored, bar);
            if (result.isPresent()) {
                stored = result.get().state();
                outputs.add(new Output(bar.openTime(), result.get().indicators(), result.get().decision()));
            }
            if (bar.openTime() == Bars.openTime(14)) {
                stored = instance.onFill(stored, new Execution("o", Execution.Side.BUY, Bars.price("109"), Bars.price("0.001"), bar.closeTime()))
                        .orElseThrow();
            }
        }
        return stored;
    }

    @Test
    void continuingFromAStoredStateGivesTheSameOutputAsUninterruptedProcessing() {
        List<Bar> bars = Bars.closes(Bars.DIVERGING);
        List<Output> uninterrupted = new ArrayList<>();
        run(a, null, bars, uninterrupted);
        assertThat(uninterrupted).extracting(Output::decision).filteredOn(Optional::isPresent).hasSize(3);

        for (int split = 0; split <= bars.size(); split++) {
            List<Output> resumed = new ArrayList<>();
            byte[] stored = run(a, null, bars.subList(0, split), resumed);
            byte[] copied = stored == null ? null : stored.clone();
            run(a, copied, bars.subList(split, bars.size()), resumed);
            assertThat(resumed).as("restart after %d candles", split).isEqualTo(uninterrupted);
        }
    }

    @Test
    void aCandleNotNewerThanTheLastOneAppliedIsSkipped() {
        byte[] stored = null;
        for (Bar bar : Bars.closes(Bars.WARM_UP_DIP_AND_RALLY)) {
            stored = a.onCandle(stored, bar).orElseThrow().state();
        }

        assertThat(a.onCandle(stored, Bars.bar(16, "160"))).isEmpty();
        assertThat(a.onCandle(stored, Bars.bar(13, "104"))).isEmpty();
        assertThat(a.onCandle(stored, Bars.bar(17, "160"))).isPresent();
    }

    @Test
    void aStateOfAnotherTypeStartsAfresh() {
        byte[] stored = null;
        for (Bar bar : Bars.closes(Bars.WARM_UP_DIP_AND_RALLY)) {
            stored = a.onCandle(stored, bar).orElseThrow().state();
        }
        StrategyInstance changed = new StrategyInstance("A", ChannelBreakout.TYPE, SymbolFilter.ALL,
                new ChannelBreakout(2, 2, Optional.empty()));

        CandleResult result = changed.onCandle(stored, Bars.bar(17, "170")).orElseThrow();

        assertThat(result.decision()).isEmpty();
        assertThat(changed.onCandle(result.state(), Bars.bar(18, "171")).orElseThrow().decision()).isEmpty();
        assertThat(changed.onCandle(changed.onCandle(result.state(), Bars.bar(18, "171")).orElseThrow().state(), Bars.bar(19, "172"))
                .orElseThrow().decision()).isPresent();
    }

    @Test
    void aFillThatChangesNothingStoresNothing() {
        Execution fill = new Execution("o", Execution.Side.BUY, Bars.price("109"), Bars.price("0.001"), 0);
        assertThat(a.onFill(null, fill)).isEmpty();
        byte[] flat = a.onCandle(null, Bars.bar(0, "100")).orElseThrow().state();
        assertThat(a.onFill(flat, fill)).isEmpty();
    }

    @Test
    void keysStateByInstanceAndSymbol() {
        assertThat(a.stateKey("ETHUSDT")).isEqualTo("A:ETHUSDT");
        assertThat(a.trades("ANYTHING")).isTrue();
    }
}
