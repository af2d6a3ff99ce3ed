package dev.tickflow.ingest.simulator;

import dev.tickflow.schema.Trade;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * A simulated market of any number of symbols: their trades merged in trade-time order. Pure (no threads, no
 * clock): the same seed and the same sequence of calls give the same trades. Each symbol's market depends only on
 * the seed, the symbol and when it was added, so adding or removing one symbol leaves the others' trades unchanged.
 * Trade ids per symbol start at the first trade id (1 by default) and carry on across a removal and a later re-add.
 */
public final class MarketGenerator {
    private final long seed;
    private final long firstTradeId;
    private final Map<String, SymbolMarket> markets = new HashMap<>();
    private final Map<String, SymbolMarket> removed = new HashMap<>();
    private final PriorityQueue<SymbolMarket> byNextTrade = new PriorityQueue<>(
            Comparator.comparingLong(SymbolMarket::nextTradeTime).thenComparing(SymbolMarket::symbol));

    public MarketGenerator(long seed) {
        this(seed, 1);
    }

    /** A market whose symbols' aggregate trade ids start at {@code firstTradeId} (see {@link SymbolMarket}'s raw ids). */
    public MarketGenerator(long seed, long firstTradeId) {
        if (firstTradeId < 1) {
            throw new IllegalArgumentException("The first trade id must be at least 1, not " + firstTradeId);
        }
        this.seed = seed;
        this.firstTradeId = firstTradeId;
    }

    /** Adds a symbol whose first trade is at or after {@code fromMillis}; a no-op when present. */
    public void add(String symbol, long fromMillis) {
        if (markets.containsKey(symbol)) {
            return;
        }
        SymbolMarket market = removed.remove(symbol);
        if (market == null) {
            market = new SymbolMarket(symbol, seed, fromMillis, firstTradeId);
        } else {
            while (market.nextTradeTime() < fromMillis) {
                market.next();
            }
        }
        markets.put(symbol, market);
        byNextTrade.add(market);
    }

    /** Removes a symbol; a no-op when absent. */
    public void remove(String symbol) {
        SymbolMarket market = markets.remove(symbol);
        if (market != null) {
            byNextTrade.remove(market);
            removed.put(symbol, market);
        }
    }

    public Set<String> symbols() {
        return new TreeSet<>(markets.keySet());
    }

    /** The trade time of the next trade, or {@link Long#MAX_VALUE} without symbols. */
    public long nextTradeTime() {
        SymbolMarket first = byNextTrade.peek();
        return first == null ? Long.MAX_VALUE : first.nextTradeTime();
    }

    /**
     * The simulator's watermark at simulated time {@code simulatedNow}: every trade before the returned time has been
     * taken with {@link #next()}, because trades come out in trade-time order and the next one is not before it, and
     * a symbol added from now on starts at {@code simulatedNow} or later.
     */
    public long deliveredBefore(long simulatedNow) {
        return Math.min(simulatedNow, nextTradeTime());
    }

    /** The next trade of all symbols by trade time (ties by symbol). */
    public Trade next() {
        SymbolMarket first = byNextTrade.poll();
        if (first == null) {
            throw new IllegalStateException("No symbol in the simulated market");
        }
        Trade trade = first.next();
        byNextTrade.add(first);
        return trade;
    }
}
