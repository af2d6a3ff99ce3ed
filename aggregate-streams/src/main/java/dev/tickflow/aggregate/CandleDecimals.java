package dev.tickflow.aggregate;

import java.math.BigDecimal;

/** Scales of the Candle schema: prices and base quantities decimal(30,8), quote amounts decimal(38,16). */
final class CandleDecimals {
    static final int PRICE_SCALE = 8;
    static final int QUOTE_SCALE = 16;
    static final BigDecimal ZERO_QUANTITY = BigDecimal.ZERO.setScale(PRICE_SCALE);
    static final BigDecimal ZERO_QUOTE = BigDecimal.ZERO.setScale(QUOTE_SCALE);

    private CandleDecimals() {
    }

    /** At the schema's scale; throws rather than round, since every input is already exact at that scale. */
    static BigDecimal price(BigDecimal value) {
        return value.scale() == PRICE_SCALE ? value : value.setScale(PRICE_SCALE);
    }

    static BigDecimal quote(BigDecimal value) {
        return value.scale() == QUOTE_SCALE ? value : value.setScale(QUOTE_SCALE);
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
