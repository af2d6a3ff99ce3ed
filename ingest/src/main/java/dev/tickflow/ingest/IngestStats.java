package dev.tickflow.ingest;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Counters of an ingest run per symbol: trades written (acknowledged by the broker), gaps, last trade time. Thread-safe. */
public final class IngestStats {
    private final Map<String, SymbolStats> bySymbol = new ConcurrentHashMap<>();
    private final AtomicLong malformed = new AtomicLong();
    private volatile Consumer<String> onNewSymbol = symbol -> { };

    /** Called once per symbol, the first time it is counted (for registering meters). */
    public void onNewSymbol(Consumer<String> callback) {
        this.onNewSymbol = callback;
        bySymbol.keySet().forEach(callback);
    }

    public void written(String symbol, long tradeTime) {
        SymbolStats stats = of(symbol);
        stats.trades.incrementAndGet();
        stats.lastTradeTime.accumulateAndGet(tradeTime, Math::max);
    }

    public void gap(String symbol, long missingTrades) {
        SymbolStats stats = of(symbol);
        stats.gaps.incrementAndGet();
        stats.missingTrades.addAndGet(Math.max(0, missingTrades));
    }

    public void malformed(long count) {
        malformed.addAndGet(count);
    }

    public long malformed() {
        return malformed.get();
    }

    public long trades() {
        return bySymbol.values().stream().mapToLong(s -> s.trades.get()).sum();
    }

    /** The counters of one symbol (created on first use). */
    public SymbolStats of(String symbol) {
        SymbolStats stats = bySymbol.get(symbol);
        if (stats == null) {
            SymbolStats created = new SymbolStats();
            stats = bySymbol.putIfAbsent(symbol, created);
            if (stats == null) {
                stats = created;
                onNewSymbol.accept(symbol);
            }
        }
        return stats;
    }

    public SortedMap<String, SymbolStats> bySymbol() {
        return new TreeMap<>(bySymbol);
    }

    /** Counters of one symbol. */
    public static final class SymbolStats {
        private final AtomicLong trades = new AtomicLong();
        private final AtomicLong gaps = new AtomicLong();
        private final AtomicLong missingTrades = new AtomicLong();
        private final AtomicLong lastTradeTime = new AtomicLong(Long.MIN_VALUE);

        public long trades() {
            return trades.get();
        }

        public long gaps() {
            return gaps.get();
        }

        public long missingTrades() {
            return missingTrades.get();
        }

        /** The latest trade time written, or {@link Long#MIN_VALUE} before the first. */
        public long lastTradeTime() {
            return lastTradeTime.get();
        }
    }
}
