package dev.tickflow.strategy.engine;

import dev.tickflow.runtime.state.StateCodec;
import dev.tickflow.runtime.state.StateReader;
import dev.tickflow.runtime.state.StateWriter;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.IndicatorValues;
import dev.tickflow.strategy.api.Step;
import dev.tickflow.strategy.api.Strategy;
import dev.tickflow.strategy.api.StrategyParameters;
import dev.tickflow.strategy.api.StrategyType;

/** A user's strategy type, found by ServiceLoader through src/test/resources/META-INF/services: goes long on its first candle. */
public final class AlwaysLongType implements StrategyType {

    @Override
    public String name() {
        return "always-long";
    }

    @Override
    public Strategy<?> create(StrategyParameters parameters) {
        return new Strategy<Boolean>() {
            @Override
            public Boolean initialState() {
                return false;
            }

            @Override
            public Step<Boolean> onCandle(Boolean isLong, Bar bar) {
                return isLong ? Step.hold(true, IndicatorValues.NONE)
                        : Step.decide(true, IndicatorValues.NONE, Decision.enter(Decision.Reason.ENTRY_RULE, null));
            }

            @Override
            public StateCodec<Boolean> stateCodec() {
                return new StateCodec<>() {
                    @Override
                    public String name() {
                        return "always-long state";
                    }

                    @Override
                    public int version() {
                        return 1;
                    }

                    @Override
                    public void write(Boolean isLong, StateWriter out) {
                        out.writeBoolean(isLong);
                    }

                    @Override
                    public Boolean read(int version, StateReader in) {
                        return in.readBoolean();
                    }
                };
            }
        };
    }
}
