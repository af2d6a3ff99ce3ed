package dev.tickflow.strategy.builtin;

import dev.tickflow.strategy.api.Decision;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Exit a long position when a candle closes at or below {@code entry x (1 - fraction)}. Compared exactly; the stop
 * price reported in signals is rounded by {@code IndicatorDecimals}.
 */
public record StopLoss(BigDecimal fraction) {

    public StopLoss {
        Objects.requireNonNull(fraction, "fraction");
        if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("A stop-loss fraction is greater than 0 and less than 1, not " + fraction);
        }
    }

    public boolean isHit(LongPosition position, BigDecimal close) {
        return position.open() && position.isAtOrBelow(close, factor());
    }

    /** The STOP_LOSS exit, at the stop price, when {@code close} hit the stop of the open {@code position}. */
    public Optional<Decision> exitIfHit(LongPosition position, BigDecimal close) {
        return isHit(position, close)
                ? Optional.of(new Decision(Decision.Target.FLAT, Decision.Reason.STOP_LOSS, price(position)))
                : Optional.empty();
    }

    /** The stop price of an open position; null when flat. */
    public BigDecimal price(LongPosition position) {
        return position.open() ? position.times(factor()) : null;
    }

    private BigDecimal factor() {
        return BigDecimal.ONE.subtract(fraction);
    }
}
