package dev.tickflow.strategy.builtin;

import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.Decision.Reason;
import java.util.Optional;

/**
 * The long-only order of rules the built-in strategies share on a candle: the stop loss first (on the candle's low or
 * close, see {@link StopLoss}), then the strategy's exit rule while long, then its entry rule while flat, at the close (an
 * entry carries the stop price of the new position).
 */
record LongOnlyRule(Optional<StopLoss> stopLoss) {

    /** The position after a candle and the decision it gave, if any. */
    record Outcome(LongPosition position, Optional<Decision> decision) {
    }

    Outcome decide(LongPosition position, Bar bar, boolean exitRuleHit, Reason exitReason, boolean entryRuleHit, Reason entryReason) {
        Optional<Decision> stopped = stopLoss.flatMap(stop -> stop.exitIfHit(position, bar));
        if (stopped.isPresent()) {
            return new Outcome(LongPosition.FLAT, stopped);
        }
        if (position.open() && exitRuleHit) {
            return new Outcome(LongPosition.FLAT, Optional.of(Decision.exit(exitReason)));
        }
        if (!position.open() && entryRuleHit) {
            LongPosition entered = LongPosition.enteredAt(bar.close());
            return new Outcome(entered, Optional.of(Decision.enter(entryReason, stopLoss.map(stop -> stop.price(entered)).orElse(null))));
        }
        return new Outcome(position, Optional.empty());
    }
}
