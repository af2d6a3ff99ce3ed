package dev.tickflow.api.view;

import dev.tickflow.schema.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The latest trade per symbol (by trade time, then trade id: an older trade arriving late does not replace it). */
public final class TickView {
    private static final Comparator<Trade> ORDER = Comparator.comparing(Trade::getTradeTime).thenComparingLong(Trade::getTradeId);

    private final Map<String, Trade> bySymbol = new TreeMap<>();

    /** Returns whether the trade is now the latest of its symbol. */
    public synchronized boolean put(Trade trade) {
        Trade current = bySymbol.get(trade.getSymbol());
        if (current != null && ORDER.compare(trade, current) < 0) {
            return false;
        }
        bySymbol.put(trade.getSymbol(), trade);
        return true;
    }

    public synchronized List<Trade> all() {
        return new ArrayList<>(bySymbol.values());
    }

    public synchronized Optional<Trade> latest(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    public synchronized Set<String> symbols() {
        return new TreeSet<>(bySymbol.keySet());
    }
}
