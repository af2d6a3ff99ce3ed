package dev.tickflow.strategy.engine;

import java.util.Set;
import java.util.TreeSet;

/** The symbols an instance trades: every symbol ({@code *}) or a fixed set. */
public record SymbolFilter(Set<String> symbols) {

    public static final SymbolFilter ALL = new SymbolFilter(Set.of());

    public SymbolFilter {
        symbols = Set.copyOf(symbols);
    }

    public static SymbolFilter of(String... symbols) {
        return new SymbolFilter(Set.of(symbols));
    }

    public boolean matches(String symbol) {
        return symbols.isEmpty() || symbols.contains(symbol);
    }

    @Override
    public String toString() {
        return symbols.isEmpty() ? "*" : String.join(",", new TreeSet<>(symbols));
    }
}
