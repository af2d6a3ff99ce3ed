package dev.tickflow.executor.order;

import dev.tickflow.executor.venue.SymbolFilters;
import java.util.List;
import java.util.Optional;

/** Base and quote asset of a symbol: from the exchange's filters when known, else by the longest known quote suffix. */
public final class Symbols {
    /** Quote assets recognised from a symbol's name, longest first so FDUSD wins over USD-like suffixes. */
    static final List<String> KNOWN_QUOTES = List.of("FDUSD", "USDT", "USDC", "TUSD", "BUSD", "BTC", "ETH", "BNB", "EUR", "TRY", "BRL");

    private Symbols() {
    }

    public record Assets(String base, String quote) {
    }

    public static Optional<Assets> assets(String symbol, Optional<SymbolFilters> filters) {
        if (filters.isPresent()) {
            return Optional.of(new Assets(filters.get().baseAsset(), filters.get().quoteAsset()));
        }
        for (String quote : KNOWN_QUOTES) {
            if (symbol.endsWith(quote) && symbol.length() > quote.length()) {
                return Optional.of(new Assets(symbol.substring(0, symbol.length() - quote.length()), quote));
            }
        }
        return Optional.empty();
    }
}
