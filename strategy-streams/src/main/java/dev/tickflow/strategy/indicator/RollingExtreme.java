package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The highest or the lowest of the last {@code period} values; not ready before {@code period} values. Immutable. */
public final class RollingExtreme {

    /** Which end of the window the indicator reports. */
    public enum Kind { HIGHEST, LOWEST }

    private final Kind kind;
    private final RollingWindow window;

    private RollingExtreme(Kind kind, RollingWindow window) {
        this.kind = kind;
        this.window = window;
    }

    public static RollingExtreme highest(int period) {
        return new RollingExtreme(Kind.HIGHEST, RollingWindow.of(period));
    }

    public static RollingExtreme lowest(int period) {
        return new RollingExtreme(Kind.LOWEST, RollingWindow.of(period));
    }

    public static RollingExtreme restore(Kind kind, int period, List<BigDecimal> values) {
        return new RollingExtreme(kind, RollingWindow.restore(period, values));
    }

    public RollingExtreme add(BigDecimal value) {
        return new RollingExtreme(kind, window.add(value));
    }

    public Optional<BigDecimal> value() {
        if (!window.isFull()) {
            return Optional.empty();
        }
        return kind == Kind.HIGHEST
                ? window.values().stream().max(Comparator.naturalOrder())
                : window.values().stream().min(Comparator.naturalOrder());
    }

    public int period() {
        return window.period();
    }

    public List<BigDecimal> values() {
        return window.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RollingExtreme that && kind == that.kind && window.equals(that.window);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + window.hashCode();
    }
}
