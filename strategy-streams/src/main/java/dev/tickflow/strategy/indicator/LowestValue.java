package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The lowest of the last {@code period} values; not ready before {@code period} values. Immutable. */
public final class LowestValue {

    private final RollingWindow window;

    private LowestValue(RollingWindow window) {
        this.window = window;
    }

    public static LowestValue of(int period) {
        return new LowestValue(RollingWindow.of(period));
    }

    public static LowestValue restore(int period, List<BigDecimal> values) {
        return new LowestValue(RollingWindow.restore(period, values));
    }

    public LowestValue add(BigDecimal value) {
        return new LowestValue(window.add(value));
    }

    public Optional<BigDecimal> value() {
        return window.isFull() ? window.values().stream().min(Comparator.naturalOrder()) : Optional.empty();
    }

    public int period() {
        return window.period();
    }

    public List<BigDecimal> values() {
        return window.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LowestValue that && window.equals(that.window);
    }

    @Override
    public int hashCode() {
        return window.hashCode();
    }
}
