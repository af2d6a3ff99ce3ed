package dev.tickflow.strategy.builtin;

import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.Decision.Reason;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The long-only order of rules the built-in strategies share on a candle's close: the stop loss first, then the
 * strategy's exit rule while long, then its entry rule while flat (an entry carries the stop price of the new position).
 */
record LongOnlyRule(Optional<StopLoss> stopLoss) {

    /** The position after a candle and the decision it gave, if any. */
    record Outcome(LongPosition position, Optional<Decision> decision) {
    }

    Outcome decide(LongPosition position, BigDecimal close, boolean exitRuleHit, Reason exitReason, boolean entryRuleHit, Reason entryReason) {
        Optional<Decision> stopped = stopLoss.flatMap(stop -> stop.exitIfHit(position, close));
        if (stopped.isPresent()) {
            return new Outcome(LongPosition.FLAT, stopped);
        }
        if (position.open() && exitRuleHit) {
            return new Outcome(LongPosition.FLAT, Optional.of(Decision.exit(exitReason)));
        }
        if (!position.open() && entryRuleHit) {
            LongPosition entered = LongPosition.enteredAt(close);
            return new Outcome(entered, Optional.of(Decision.enter(entryReason, stopLoss.map(stop -> stop.price(entered)).orElse(null))));
        }
        return new Outcome(position, Optional.empty());
    }
}
