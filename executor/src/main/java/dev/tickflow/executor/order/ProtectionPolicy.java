package dev.tickflow.executor.order;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * How an instance's long position is protected once its entry fills.
 *
 * @param mode                 where the protection lives
 * @param stopFraction         how far below the entry price the stop lies when the entry's signal names no stop loss
 * @param takeProfitFraction   how far above the entry price an OCO pair's take-profit leg lies
 * @param trailingDeltaBps     a trailing stop's distance from the best price since placement, in basis points
 * @param limitOffsetFraction  how far below its trigger a stop's limit price lies, so that it still fills in a falling market
 */
public record ProtectionPolicy(Mode mode, BigDecimal stopFraction, BigDecimal takeProfitFraction, int trailingDeltaBps,
                               BigDecimal limitOffsetFraction) {

    /** Where an instance's protection lives; {@link #word()} is its configuration word. */
    public enum Mode {
        /** In the strategy only (its stop-loss signals): nothing is placed at the exchange. */
        STRATEGY,
        /** A STOP_LOSS_LIMIT order at the exchange. */
        EXCHANGE_STOP,
        /** An OCO pair at the exchange: a STOP_LOSS_LIMIT leg and a LIMIT_MAKER take-profit leg. */
        EXCHANGE_OCO,
        /** A trailing STOP_LOSS_LIMIT order at the exchange. */
        EXCHANGE_TRAILING;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Mode ofWord(String word) {
            for (Mode mode : values()) {
                if (mode.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("'" + word + "' is not a protection mode; modes are strategy, exchange-stop, exchange-oco, "
                    + "exchange-trailing");
        }
    }

    public static final ProtectionPolicy STRATEGY_ONLY = new ProtectionPolicy(Mode.STRATEGY, new BigDecimal("0.02"), new BigDecimal("0.04"),
            200, new BigDecimal("0.005"));

    public ProtectionPolicy {
        Objects.requireNonNull(mode, "mode");
        requireFraction(stopFraction, "stop fraction");
        requireFraction(takeProfitFraction, "take-profit fraction");
        requireFraction(limitOffsetFraction, "limit offset fraction");
        if (trailingDeltaBps <= 0 || trailingDeltaBps >= 10_000) {
            throw new IllegalArgumentException("The trailing delta must lie between 1 and 9999 basis points: " + trailingDeltaBps);
        }
    }

    public boolean atExchange() {
        return mode != Mode.STRATEGY;
    }

    private static void requireFraction(BigDecimal value, String what) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("The " + what + " must lie strictly between 0 and 1: " + value);
        }
    }
}
