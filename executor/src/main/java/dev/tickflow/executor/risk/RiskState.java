package dev.tickflow.executor.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Per strategy instance (or {@link RiskEngine#ALL_INSTANCES} for a halt of everything): the halt in force, if any, and
 * when its latest orders went out (the rate window).
 */
public record RiskState(Halt halt, List<Instant> recentOrders) {

    public RiskState {
        recentOrders = List.copyOf(recentOrders);
    }

    public static RiskState empty() {
        return new RiskState(null, List.of());
    }

    /** With {@code time} added to the recent orders and those older than {@code keep} before it dropped. */
    public RiskState withOrderAt(Instant time, Duration keep) {
        Instant oldest = time.minus(keep);
        List<Instant> kept = new ArrayList<>(recentOrders.stream().filter(t -> t.isAfter(oldest)).toList());
        kept.add(time);
        return new RiskState(halt, kept);
    }

    public RiskState withHalt(Halt newHalt) {
        return new RiskState(newHalt, recentOrders);
    }
}
