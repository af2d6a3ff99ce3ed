package dev.tickflow.strategy.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a strategy made of one candle.
 *
 * @param state      the state to keep
 * @param indicators the values published in the candle's indicator snapshot
 * @param decision   a change of target position, if any
 */
public record Step<S>(S state, IndicatorValues indicators, Optional<Decision> decision) {

    public Step {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(decision, "decision");
    }

    public static <S> Step<S> hold(S state, IndicatorValues indicators) {
        return new Step<>(state, indicators, Optional.empty());
    }

    public static <S> Step<S> decide(S state, IndicatorValues indicators, Decision decision) {
        return new Step<>(state, indicators, Optional.of(decision));
    }
}
