package dev.tickflow.executor.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * A restriction of trading in force.
 *
 * @param state what trading it leaves: REDUCING or HALTED
 * @param until when it lifts by itself (a daily-loss halt lifts at the next UTC midnight); null for never (drawdown)
 */
public record Halt(TradingState state, String reason, Instant until) {

    public Halt {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (state == TradingState.ACTIVE) {
            throw new IllegalArgumentException("A halt restricts trading: REDUCING or HALTED, not ACTIVE");
        }
    }

    /** Only position-reducing orders pass until {@code until}. */
    public static Halt reducing(String reason, Instant until) {
        return new Halt(TradingState.REDUCING, reason, until);
    }

    public boolean inForceAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
