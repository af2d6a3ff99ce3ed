package dev.tickflow.strategy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.IndicatorValues;
import dev.tickflow.strategy.builtin.ChannelBreakout;
import dev.tickflow.strategy.builtin.StopLoss;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /**
     * Stored bytes printed by the code before the state-codec convention (envelope and strategy state of version 1): A after
     * the candles 0 to 15 of {@link Bars#DIVERGING} and the fill after 14.
     */
    private static final String A_STORED_BEFORE_THE_CONVENTION = "010011736d612d656d612d63726f73736f7665720000019bc126bca0000000c6010000000a0000000a"
            + "0100000008000502540be4000100000008000502540be4000100000008000502540be4000100000008000502540be40001000000080005024e1603000"
            + "100000008000502482022000100000008000502422a410001000000080005026be368000100000008000502cb417800010000000800050342770c000000"
            + "000500000005010000000000010001000000100008105c9887a5f88841010101000000080005026be36800010000000800030186a0010000001000070"
            + "3df5966ce2000";

    /** Likewise: a breakout(3, 2, stop-loss 0.1) instance X long after the first four candles of {@link #BREAKOUT}. */
    private static final String X_STORED_BEFORE_THE_CONVENTION = "010008627265616b6f75740000019bc11bc0200000006a01000000030000000301000000080005025ff7a600"
            + "010000000800050265ed870001000000080005028fa6ae0000000002000000020100000008000502422a410001000000080005026be3680001010000000"
            + "800050289b0cd0001000000000001000100000000000100";

    private static final List<Bar> BREAKOUT = List.of(Bars.bar(0, "101", "99", "100"), Bars.bar(1, "102", "98", "101"),
            Bars.bar(2, "103", "97", "102"), Bars.bar(3, "110", "104", "109"), Bars.bar(4, "112", "108", "111"),
            Bars.bar(5, "111", "95", "96"), Bars.bar(6, "99", "94", "98"));

    @Test
    void aStateStoredBeforeTheConventionContinuesExactly() {
        List<Bar> bars = Bars.closes(Bars.DIVERGING);
        List<Output> uninterrupted = new ArrayList<>();
        run(a, null, bars, uninterrupted);

        List<Output> resumed = new ArrayList<>();
        run(a, HexFormat.of().parseHex(A_STORED_BEFORE_THE_CONVENTION), bars.subList(16, bars.size()), resumed);

        assertThat(resumed).isEqualTo(uninterrupted.subList(16, bars.size()));
        assertThat(resumed).extracting(Output::decision).filteredOn(Optional::isPresent).hasSize(2);
    }

    @Test
    void aBreakoutStateStoredBeforeTheConventionContinuesExactly() {
        StrategyInstance x = new StrategyInstance("X", ChannelBreakout.TYPE, SymbolFilter.ALL,
                new ChannelBreakout(3, 2, Optional.of(new StopLoss(new BigDecimal("0.1")))));
        List<Output> uninterrupted = new ArrayList<>();
        run(x, null, BREAKOUT, uninterrupted);

        List<Output> resumed = new ArrayList<>();
        run(x, HexFormat.of().parseHex(X_STORED_BEFORE_THE_CONVENTION), BREAKOUT.subList(4, BREAKOUT.size()), resumed);

        assertThat(resumed).isEqualTo(uninterrupted.subList(4, BREAKOUT.size()));
        assertThat(resumed.get(1).decision()).map(Decision::reason).contains(Decision.Reason.STOP_LOSS);
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
