package dev.tickflow.strategy.builtin;

import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.api.StrategyParameters;
import dev.tickflow.strategy.indicator.IndicatorDecimals;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Exit a long position when a candle reaches {@code entry x (1 - fraction)}: with {@link Trigger#LOW} when its low (the
 * lowest trade of the interval) is at or below the stop, with {@link Trigger#CLOSE} only when its close is. Compared
 * exactly; the prices reported in decisions are rounded by {@code IndicatorDecimals}.
 */
public record StopLoss(BigDecimal fraction, Trigger trigger) {

    /** The setting of the fraction, e.g. {@code 0.15}; none: no stop loss. */
    public static final String FRACTION_SETTING = "stop-loss";
    /** The setting of the trigger, {@code low} (default) or {@code close}. */
    public static final String TRIGGER_SETTING = "stop-trigger";

    /** Which price of a candle is compared with the stop. */
    public enum Trigger {
        /** The candle's low: a minute that trades through the stop and recovers still stops out. */
        LOW,
        /** The candle's close, the rule before intra-candle stops. */
        CLOSE;

        /** The name in settings: {@code low} or {@code close}. */
        public String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StopLoss {
        Objects.requireNonNull(fraction, "fraction");
        Objects.requireNonNull(trigger, "trigger");
        if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("A stop-loss fraction is greater than 0 and less than 1, not " + fraction);
        }
    }

    /** A stop loss on the candle's low, the default. */
    public StopLoss(BigDecimal fraction) {
        this(fraction, Trigger.LOW);
    }

    /**
     * The stop loss of {@value #FRACTION_SETTING} and {@value #TRIGGER_SETTING}; empty without {@value #FRACTION_SETTING}.
     * Both settings are read either way, so both are known to the type.
     */
    public static Optional<StopLoss> from(StrategyParameters parameters) {
        Optional<BigDecimal> fraction = parameters.fraction(FRACTION_SETTING);
        Trigger trigger = parameters.choice(TRIGGER_SETTING, Trigger.LOW);
        Optional<String> given = parameters.string(TRIGGER_SETTING);
        if (fraction.isEmpty() && given.isPresent()) {
            throw new InvalidStrategyConfigException(parameters.key(TRIGGER_SETTING), given.get(),
                    "applies only to a stop loss; set " + parameters.key(FRACTION_SETTING) + " too");
        }
        return fraction.map(value -> new StopLoss(value, trigger));
    }

    /** Whether {@code bar} reached the stop of the open {@code position}. */
    public boolean isHit(LongPosition position, Bar bar) {
        return position.open() && position.isAtOrBelow(trigger == Trigger.LOW ? bar.low() : bar.close(), factor());
    }

    /**
     * The STOP_LOSS exit when {@code bar} reached the stop of the open {@code position}. Its price is the stop, or, on
     * the low trigger, the candle's open when the candle opened at or below the stop (a gap: nothing traded at the stop).
     */
    public Optional<Decision> exitIfHit(LongPosition position, Bar bar) {
        if (!isHit(position, bar)) {
            return Optional.empty();
        }
        boolean gapped = trigger == Trigger.LOW && position.isAtOrBelow(bar.open(), factor());
        return Optional.of(new Decision(Decision.Target.FLAT, Decision.Reason.STOP_LOSS, gapped ? IndicatorDecimals.round(bar.open()) : price(position)));
    }

    /** The stop price of an open position; null when flat. */
    public BigDecimal price(LongPosition position) {
        return position.open() ? position.times(factor()) : null;
    }

    /** The settings as strategies describe them, e.g. {@code stop-loss=0.15, stop-trigger=low}. */
    public String describe() {
        return FRACTION_SETTING + "=" + fraction.toPlainString() + ", " + TRIGGER_SETTING + "=" + trigger.setting();
    }

    private BigDecimal factor() {
        return BigDecimal.ONE.subtract(fraction);
    }
}
