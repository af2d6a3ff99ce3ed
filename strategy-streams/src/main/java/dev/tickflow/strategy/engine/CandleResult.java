package dev.tickflow.strategy.engine;

import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.IndicatorValues;
import java.util.Optional;

/**
 * What one instance made of one candle.
 *
 * @param state      the encoded state to store
 * @param indicators the snapshot values
 * @param decision   the signal, if any
 */
public record CandleResult(byte[] state, IndicatorValues indicators, Optional<Decision> decision) {
}
