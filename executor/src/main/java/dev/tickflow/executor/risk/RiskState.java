package dev.tickflow.executor.risk;

import dev.tickflow.executor.portfolio.PnlWatermarks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Per strategy instance (or {@link RiskEngine#ALL_INSTANCES} for the whole account): the halt in force, if any, when its
 * latest orders went out (the rate window), whether an operator paused it, and the watermarks of its net PnL summed over
 * all its symbols (null before the first observation).
 */
public record RiskState(Halt halt, List<Instant> recentOrders, boolean paused, PnlWatermarks watermarks) {

    public RiskState {
        recentOrders = List.copyOf(recentOrders);
    }

    public RiskState(Halt halt, List<Instant> recentOrders) {
        this(halt, recentOrders, false, null);
    }

    public static RiskState empty() {
        return new RiskState(null, List.of());
    }

    /** With {@code time} added to the recent orders and those older than {@code keep} before it dropped. */
    public RiskState withOrderAt(Instant time, Duration keep) {
        Instant oldest = time.minus(keep);
        List<Instant> kept = new ArrayList<>(recentOrders.stream().filter(t -> t.isAfter(oldest)).toList());
        kept.add(time);
        return new RiskState(halt, kept, paused, watermarks);
    }

    public RiskState withHalt(Halt newHalt) {
        return new RiskState(newHalt, recentOrders, paused, watermarks);
    }

    public RiskState withPaused(boolean newPaused) {
        return new RiskState(halt, recentOrders, newPaused, watermarks);
    }

    public RiskState withWatermarks(PnlWatermarks newWatermarks) {
        return new RiskState(halt, recentOrders, paused, newWatermarks);
    }
}
