package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The mean of the last {@code period} values: exact sum, one division rounded by {@link IndicatorDecimals#divide}. Not ready
 * (no value) before {@code period} values. Immutable; its state is the window of the last values.
 */
public final class SimpleMovingAverage {

    private final RollingWindow window;

    private SimpleMovingAverage(RollingWindow window) {
        this.window = window;
    }

    public static SimpleMovingAverage of(int period) {
        return new SimpleMovingAverage(RollingWindow.of(period));
    }

    /** An SMA with a saved window (oldest first). */
    public static SimpleMovingAverage restore(int period, List<BigDecimal> values) {
        return new SimpleMovingAverage(RollingWindow.restore(period, values));
    }

    public SimpleMovingAverage add(BigDecimal value) {
        return new SimpleMovingAverage(window.add(value));
    }

    public boolean isReady() {
        return window.isFull();
    }

    public Optional<BigDecimal> value() {
        if (!isReady()) {
            return Optional.empty();
        }
        BigDecimal sum = window.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(IndicatorDecimals.divide(sum, BigDecimal.valueOf(window.period())));
    }

    public int period() {
        return window.period();
    }

    /** The last values, oldest first (at most {@link #period()}). */
    public List<BigDecimal> values() {
        return window.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimpleMovingAverage that && window.equals(that.window);
    }

    @Override
    public int hashCode() {
        return window.hashCode();
    }

    @Override
    public String toString() {
        return "SMA" + window;
    }
}
