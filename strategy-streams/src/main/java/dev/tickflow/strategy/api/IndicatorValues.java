package dev.tickflow.strategy.api;

import java.math.BigDecimal;

/** The values of an indicator snapshot: null while warming up, or for a strategy without that indicator. */
public record IndicatorValues(BigDecimal sma, BigDecimal ema) {

    public static final IndicatorValues NONE = new IndicatorValues(null, null);
}
