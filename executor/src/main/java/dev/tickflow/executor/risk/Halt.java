package dev.tickflow.executor.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * A halt in force: only position-reducing orders pass.
 *
 * @param until when it lifts by itself (a daily-loss halt lifts at the next UTC midnight); null for never (drawdown)
 */
public record Halt(String reason, Instant until) {

    public Halt {
        Objects.requireNonNull(reason, "reason");
    }

    public boolean inForceAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
