package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The highest of the last {@code period} values; not ready before {@code period} values. Immutable. */
public final class HighestValue {

    private final RollingWindow window;

    private HighestValue(RollingWindow window) {
        this.window = window;
    }

    public static HighestValue of(int period) {
        return new HighestValue(RollingWindow.of(period));
    }

    public static HighestValue restore(int period, List<BigDecimal> values) {
        return new HighestValue(RollingWindow.restore(period, values));
    }

    public HighestValue add(BigDecimal value) {
        return new HighestValue(window.add(value));
    }

    public Optional<BigDecimal> value() {
        return window.isFull() ? window.values().stream().max(Comparator.naturalOrder()) : Optional.empty();
    }

    public int period() {
        return window.period();
    }

    public List<BigDecimal> values() {
        return window.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HighestValue that && window.equals(that.window);
    }

    @Override
    public int hashCode() {
        return window.hashCode();
    }
}
