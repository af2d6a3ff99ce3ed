package dev.tickflow.strategy.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A final candle as strategies see it.
 *
 * @param symbol    exchange symbol, upper case
 * @param openTime  start of the interval, epoch milliseconds UTC
 * @param closeTime last millisecond of the interval
 * @param filled    true for a gap-filled candle (no trades: flat at the previous close); it still counts as a candle
 */
public record Bar(String symbol, long openTime, long closeTime, BigDecimal open, BigDecimal high, BigDecimal low,
        BigDecimal close, BigDecimal volume, boolean filled) {

    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
    }
}
