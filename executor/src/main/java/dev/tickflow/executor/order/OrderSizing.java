package dev.tickflow.executor.order;

import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The quantity a BUY opens a position with, per symbol: a configured base quantity, or a configured quote notional
 * divided by the price. Without configuration: 0.001 for BTC-base pairs, 0.01 for ETH-base pairs (the reference
 * system's sizes); otherwise a notional of 0.001 when the quote is BTC and 0.01 when it is ETH. Every quantity is
 * rounded down to the exchange's step size, so an order never exceeds its configured size.
 */
public final class OrderSizing {
    public static final BigDecimal BTC_BASE_QUANTITY = new BigDecimal("0.001");
    public static final BigDecimal ETH_BASE_QUANTITY = new BigDecimal("0.01");
    public static final BigDecimal BTC_QUOTE_NOTIONAL = new BigDecimal("0.001");
    public static final BigDecimal ETH_QUOTE_NOTIONAL = new BigDecimal("0.01");
    private static final int QUANTITY_SCALE = 8;

    private final Map<String, BigDecimal> quantities;
    private final Map<String, BigDecimal> notionals;
    private final String quantitiesKey;
    private final String notionalsKey;

    /**
     * @param quantities    base quantity per symbol
     * @param notionals     quote notional per symbol
     * @param quantitiesKey the configuration key of {@code quantities}, for error messages
     * @param notionalsKey  the configuration key of {@code notionals}, for error messages
     */
    public OrderSizing(Map<String, BigDecimal> quantities, Map<String, BigDecimal> notionals, String quantitiesKey, String notionalsKey) {
        for (String symbol : quantities.keySet()) {
            if (notionals.containsKey(symbol)) {
                throw new IllegalArgumentException("Symbol " + symbol + " has both a quantity (" + quantitiesKey + ") and a notional ("
                        + notionalsKey + "); give one");
            }
        }
        this.quantities = Map.copyOf(quantities);
        this.notionals = Map.copyOf(notionals);
        this.quantitiesKey = quantitiesKey;
        this.notionalsKey = notionalsKey;
    }

    /**
     * The quantity of an opening BUY at {@code price}, rounded down to the step size.
     *
     * @throws MissingOrderSizeException when the symbol has no configured size and no default
     */
    public BigDecimal quantity(String symbol, BigDecimal price, Optional<SymbolFilters> filters) {
        BigDecimal raw;
        if (quantities.containsKey(symbol)) {
            raw = quantities.get(symbol);
        } else if (notionals.containsKey(symbol)) {
            raw = notionals.get(symbol).divide(price, QUANTITY_SCALE, RoundingMode.DOWN);
        } else {
            raw = defaultQuantity(symbol, price, filters);
        }
        return roundDown(raw, filters.map(SymbolFilters::stepSize).orElse(BigDecimal.ZERO));
    }

    /** {@code quantity} rounded down to a multiple of {@code step}; a zero step leaves it as is. */
    public static BigDecimal roundDown(BigDecimal quantity, BigDecimal step) {
        if (step.signum() == 0) {
            return quantity;
        }
        return quantity.divide(step, 0, RoundingMode.DOWN).multiply(step).stripTrailingZeros().max(BigDecimal.ZERO);
    }

    private BigDecimal defaultQuantity(String symbol, BigDecimal price, Optional<SymbolFilters> filters) {
        Optional<Symbols.Assets> assets = Symbols.assets(symbol, filters);
        if (assets.isPresent()) {
            String base = assets.get().base();
            String quote = assets.get().quote();
            if (base.equals("BTC")) {
                return BTC_BASE_QUANTITY;
            }
            if (base.equals("ETH")) {
                return ETH_BASE_QUANTITY;
            }
            if (quote.equals("BTC")) {
                return BTC_QUOTE_NOTIONAL.divide(price, QUANTITY_SCALE, RoundingMode.DOWN);
            }
            if (quote.equals("ETH")) {
                return ETH_QUOTE_NOTIONAL.divide(price, QUANTITY_SCALE, RoundingMode.DOWN);
            }
        }
        throw new MissingOrderSizeException("No order size for " + symbol + ": set it in " + quantitiesKey + " (" + symbol
                + "=<base quantity>) or " + notionalsKey + " (" + symbol + "=<quote amount>)");
    }

    /** A symbol without a configured size or a default. */
    public static final class MissingOrderSizeException extends RuntimeException {
        public MissingOrderSizeException(String message) {
            super(message);
        }
    }
}
