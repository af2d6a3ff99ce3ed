package dev.tickflow.executor.venue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A symbol's trading rules from Binance's exchangeInfo: PRICE_FILTER, LOT_SIZE (or MARKET_LOT_SIZE for market
 * orders), MIN_NOTIONAL / NOTIONAL, TRAILING_DELTA. A zero value means the rule is off, as Binance uses it.
 *
 * @param trailingDelta bounds of a trailing stop's delta; {@link TrailingDeltaBounds#NONE} when the symbol has no such filter
 */
public record SymbolFilters(String symbol, String baseAsset, String quoteAsset,
                            BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
                            BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity,
                            BigDecimal minNotional, BigDecimal maxNotional, TrailingDeltaBounds trailingDelta) {

    public SymbolFilters {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(minPrice, "minPrice");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minQuantity, "minQuantity");
        Objects.requireNonNull(maxQuantity, "maxQuantity");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(maxNotional, "maxNotional");
        trailingDelta = trailingDelta == null ? TrailingDeltaBounds.NONE : trailingDelta;
    }

    /** Filters without a TRAILING_DELTA filter. */
    public SymbolFilters(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
                         BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity, BigDecimal minNotional, BigDecimal maxNotional) {
        this(symbol, baseAsset, quoteAsset, tickSize, minPrice, maxPrice, stepSize, minQuantity, maxQuantity, minNotional, maxNotional,
                TrailingDeltaBounds.NONE);
    }
}
