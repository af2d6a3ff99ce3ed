package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The last {@code period} values, oldest first. Immutable. */
record RollingWindow(int period, List<BigDecimal> values) {

    RollingWindow {
        if (period < 1) {
            throw new IllegalArgumentException("Window period must be at least 1, not " + period);
        }
        if (values.size() > period) {
            throw new IllegalArgumentException("Window of " + values.size() + " values exceeds the period " + period);
        }
        values = List.copyOf(values);
    }

    static RollingWindow of(int period) {
        return new RollingWindow(period, List.of());
    }

    static RollingWindow restore(int period, List<BigDecimal> values) {
        return new RollingWindow(period, values);
    }

    RollingWindow add(BigDecimal value) {
        List<BigDecimal> next = new ArrayList<>(period);
        next.addAll(values.size() == period ? values.subList(1, period) : values);
        next.add(value);
        return new RollingWindow(period, next);
    }

    boolean isFull() {
        return values.size() == period;
    }
}
