package dev.tickflow.executor;

import dev.tickflow.executor.order.Symbols;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Parses {@value ExecutorSettings#PAPER_FILTERS}: {@code SYMBOL.FIELD=VALUE} entries, FIELD one of {@link #FIELDS};
 * an absent field is 0 (off, as on Binance). Base and quote asset come from the symbol's name.
 */
final class PaperFilters {
    static final List<String> FIELDS = List.of("tickSize", "minPrice", "maxPrice", "stepSize", "minQty", "maxQty", "minNotional", "maxNotional");

    private PaperFilters() {
    }

    static void validate(String key, Object value) {
        @SuppressWarnings("unchecked")
        List<String> entries = (List<String>) value;
        parse(entries);
    }

    static Map<String, SymbolFilters> parse(List<String> entries) {
        Map<String, Map<String, BigDecimal>> fieldsBySymbol = new LinkedHashMap<>();
        for (String entry : entries) {
            int dot = entry.indexOf('.');
            int equals = entry.indexOf('=');
            if (dot <= 0 || equals < dot + 2) {
                throw invalid(entry, "each entry must be SYMBOL.FIELD=VALUE, e.g. BTCUSDT.stepSize=0.00001");
            }
            String symbol = entry.substring(0, dot).trim().toUpperCase(Locale.ROOT);
            String field = entry.substring(dot + 1, equals).trim();
            if (!FIELDS.contains(field)) {
                throw invalid(entry, "'" + field + "' is not a filter field; fields are " + FIELDS);
            }
            BigDecimal number;
            try {
                number = new BigDecimal(entry.substring(equals + 1).trim());
            } catch (NumberFormatException e) {
                throw invalid(entry, "the value must be a decimal number");
            }
            if (number.signum() < 0) {
                throw invalid(entry, "the value must not be negative");
            }
            fieldsBySymbol.computeIfAbsent(symbol, s -> new LinkedHashMap<>()).put(field, number);
        }
        Map<String, SymbolFilters> filters = new LinkedHashMap<>();
        fieldsBySymbol.forEach((symbol, fields) -> {
            Symbols.Assets assets = Symbols.assets(symbol, Optional.empty())
                    .orElseThrow(() -> invalid(symbol, "cannot tell the base and quote asset of " + symbol));
            filters.put(symbol, new SymbolFilters(symbol, assets.base(), assets.quote(), get(fields, "tickSize"), get(fields, "minPrice"),
                    get(fields, "maxPrice"), get(fields, "stepSize"), get(fields, "minQty"), get(fields, "maxQty"), get(fields, "minNotional"),
                    get(fields, "maxNotional")));
        });
        return filters;
    }

    private static BigDecimal get(Map<String, BigDecimal> fields, String field) {
        return fields.getOrDefault(field, BigDecimal.ZERO);
    }

    private static ConfigException invalid(String entry, String message) {
        return new ConfigException(ExecutorSettings.PAPER_FILTERS, entry, message);
    }
}
