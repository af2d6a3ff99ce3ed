package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * EMA with alpha = 2 / (period + 1), seeded with the SMA of its first {@code period} values (so it is ready, like the
 * SMA, after {@code period} values). Each step computes {@code prev + alpha * (value - prev)} as the single quotient
 * {@code (2 * value + (period - 1) * prev) / (period + 1)}, rounded by {@link IndicatorDecimals#divide}: the same number, one
 * rounding, from the rounded previous value, so a restored state continues exactly. Immutable.
 */
public final class ExponentialMovingAverage {

    private final int period;
    private final int seen;
    private final BigDecimal seedSum;
    private final BigDecimal value;

    private ExponentialMovingAverage(int period, int seen, BigDecimal seedSum, BigDecimal value) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1, not " + period);
        }
        if (seen < 0 || seen > period || (value == null) == (seen == period)) {
            throw new IllegalArgumentException("Inconsistent EMA state: period " + period + ", seen " + seen + ", value " + value);
        }
        this.period = period;
        this.seen = seen;
        this.seedSum = Objects.requireNonNull(seedSum, "seedSum");
        this.value = value;
    }

    public static ExponentialMovingAverage of(int period) {
        return new ExponentialMovingAverage(period, 0, BigDecimal.ZERO, null);
    }

    /**
     * An EMA with saved state.
     *
     * @param seen    values seen while warming up, at most {@code period}
     * @param seedSum their exact sum while warming up (zero once ready)
     * @param value   the current value, null while warming up
     */
    public static ExponentialMovingAverage restore(int period, int seen, BigDecimal seedSum, BigDecimal value) {
        return new ExponentialMovingAverage(period, seen, seedSum, value);
    }

    public ExponentialMovingAverage add(BigDecimal next) {
        if (value != null) {
            BigDecimal numerator = next.multiply(BigDecimal.valueOf(2)).add(value.multiply(BigDecimal.valueOf(period - 1L)));
            return new ExponentialMovingAverage(period, seen, BigDecimal.ZERO, IndicatorDecimals.divide(numerator, BigDecimal.valueOf(period + 1L)));
        }
        BigDecimal sum = seedSum.add(next);
        if (seen + 1 == period) {
            return new ExponentialMovingAverage(period, period, BigDecimal.ZERO, IndicatorDecimals.divide(sum, BigDecimal.valueOf(period)));
        }
        return new ExponentialMovingAverage(period, seen + 1, sum, null);
    }

    public boolean isReady() {
        return value != null;
    }

    public Optional<BigDecimal> value() {
        return Optional.ofNullable(value);
    }

    public int period() {
        return period;
    }

    public int seen() {
        return seen;
    }

    public BigDecimal seedSum() {
        return seedSum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExponentialMovingAverage that && period == that.period && seen == that.seen
                && seedSum.equals(that.seedSum) && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, seen, seedSum, value);
    }

    @Override
    public String toString() {
        return "EMA(" + period + ")" + (value == null ? "warming up " + seen : value.toPlainString());
    }
}
