package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule of indicator values: sums and products are exact; every quotient (an SMA, an EMA step, an
 * average price) is rounded once, at the end of its computation, to {@value #SCALE} decimals {@link RoundingMode#HALF_EVEN},
 * the scale of {@code decimal(38,16)} in the data contract.
 */
public final class IndicatorDecimals {

    public static final int SCALE = 16;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private IndicatorDecimals() {
    }

    /** {@code dividend / divisor}, correctly rounded to {@value #SCALE} decimals half-even. */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, SCALE, ROUNDING);
    }

    /** {@code value} at {@value #SCALE} decimals, rounded half-even; null stays null. */
    public static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, ROUNDING);
    }
}
