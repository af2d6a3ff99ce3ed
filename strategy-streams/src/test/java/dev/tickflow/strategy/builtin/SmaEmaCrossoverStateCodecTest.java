package dev.tickflow.strategy.builtin;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateCodecContract;
import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Execution;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Version 1 golden bytes were written by the strategy's own encode before the state-codec convention. */
class SmaEmaCrossoverStateCodecTest extends StateCodecContract<SmaEmaCrossover.State> {

    private static final SmaEmaCrossover STRATEGY = new SmaEmaCrossover(10, 5, Optional.of(new StopLoss(new BigDecimal("0.15"))));

    /** After the candles of {@link Bars#DIVERGING} up to {@code last}, with a BUY fill after candle 14. */
    static SmaEmaCrossover.State after(int last) {
        List<Bar> bars = Bars.closes(Bars.DIVERGING);
        SmaEmaCrossover.State state = STRATEGY.initialState();
        for (int i = 0; i <= last; i++) {
            state = STRATEGY.onCandle(state, bars.get(i)).state();
            if (i == 14) {
                state = STRATEGY.onFill(state, new Execution("o", Execution.Side.BUY, Bars.price("109"), Bars.price("0.001"),
                        bars.get(i).closeTime()));
            }
        }
        return state;
    }

    @Override
    protected StateCodec<SmaEmaCrossover.State> codec() {
        return STRATEGY.stateCodec();
    }

    @Override
    protected List<SmaEmaCrossover.State> samples() {
        return List.of(STRATEGY.initialState(), after(3), after(15), after(Bars.DIVERGING.length - 1));
    }

    @Override
    protected List<Golden<SmaEmaCrossover.State>> golden() {
        return List.of(
                Golden.hex("010000000a00000000000000050000000001000000000001000000000001000000000001000100000000000100", STRATEGY.initialState()),
                Golden.hex("010000000a0000000a0100000008000502540be4000100000008000502540be4000100000008000502540be400010000000800050254"
                        + "0be40001000000080005024e1603000100000008000502482022000100000008000502422a410001000000080005026be368000100000008"
                        + "000502cb417800010000000800050342770c000000000500000005010000000000010001000000100008105c9887a5f88841010101000000"
                        + "080005026be36800010000000800030186a00100000010000703df5966ce2000", after(15)),
                Golden.hex("0214000a00010000000e554e4b4e4f574e0000010000010000", STRATEGY.initialState()),
                Golden.hex("02141401108090dfc04a01108090dfc04a01108090dfc04a01108090dfc04a0110808cb0e1490110808881824901108084d2a248011080"
                        + "a09bbe4d011080e08bb459011080b0b8a7680a0a010000012082a1c4dff4a1ccdc200a41424f564501011080a09bbe4d0110c09a0c0120"
                        + "8080f1ecacd6ef03", after(15)));
    }
}
