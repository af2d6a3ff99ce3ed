package dev.tickflow.strategy.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A change of target position; the runtime makes it a signal at the candle's close.
 *
 * @param stopPrice the stop-loss price in force after an entry, the stop price that was hit for {@link Reason#STOP_LOSS},
 *                  otherwise null; rounded to {@code IndicatorDecimals.SCALE}
 */
public record Decision(Target target, Reason reason, BigDecimal stopPrice) {

    public enum Target { LONG, FLAT }

    /** Mirrors the signal reasons of the data contract. */
    public enum Reason { CROSS_UP, CROSS_DOWN, STOP_LOSS, ENTRY_RULE, EXIT_RULE }

    public Decision {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
    }

    public static Decision enter(Reason reason, BigDecimal stopPrice) {
        return new Decision(Target.LONG, reason, stopPrice);
    }

    public static Decision exit(Reason reason) {
        return new Decision(Target.FLAT, reason, null);
    }
}
