package dev.tickflow.strategy.builtin;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateCodecContract;
import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Bar;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Version 1 golden bytes were written by the strategy's own encode before the state-codec convention. */
class ChannelBreakoutStateCodecTest extends StateCodecContract<ChannelBreakout.State> {

    private static final ChannelBreakout STRATEGY = new ChannelBreakout(3, 2, Optional.of(new StopLoss(new BigDecimal("0.1"))));

    /** Long after a breakout above 103 at candle 3. */
    static final List<Bar> BREAKOUT = List.of(Bars.bar(0, "101", "99", "100"), Bars.bar(1, "102", "98", "101"),
            Bars.bar(2, "103", "97", "102"), Bars.bar(3, "110", "104", "109"));

    static ChannelBreakout.State after(List<Bar> bars) {
        ChannelBreakout.State state = STRATEGY.initialState();
        for (Bar bar : bars) {
            state = STRATEGY.onCandle(state, bar).state();
        }
        return state;
    }

    @Override
    protected StateCodec<ChannelBreakout.State> codec() {
        return STRATEGY.stateCodec();
    }

    @Override
    protected List<ChannelBreakout.State> samples() {
        return List.of(STRATEGY.initialState(), after(BREAKOUT.subList(0, 1)), after(BREAKOUT));
    }

    @Override
    protected List<Golden<ChannelBreakout.State>> golden() {
        return List.of(
                Golden.hex("0100000003000000000000000200000000000001000000000001000100000000000100", STRATEGY.initialState()),
                Golden.hex("01000000030000000301000000080005025ff7a600010000000800050265ed870001000000080005028fa6ae0000000002000000020100"
                        + "000008000502422a410001000000080005026be3680001010000000800050289b0cd0001000000000001000100000000000100", after(BREAKOUT)),
                Golden.hex("02060004000000010000010000", STRATEGY.initialState()),
                Golden.hex("02060601108098bdff4b0110809cecde4c011080b8b5fa51040401108084d2a248011080a09bbe4d01011080b4869b51010000010000", after(BREAKOUT)));
    }
}
