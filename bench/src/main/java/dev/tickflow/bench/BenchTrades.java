package dev.tickflow.bench;

import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A fast, deterministic stream of simulated trades for the benchmark: {@code count} trades round-robin over
 * {@code symbols} symbols ({@code SYM000USDT}, ...), each symbol a random walk of 8-decimal prices, trade ids
 * increasing per symbol, and trade time advancing from {@code startMillis} so that each symbol gets
 * {@link #TRADES_PER_SYMBOL_MINUTE} trades a minute. The same arguments give the same trades.
 */
public final class BenchTrades implements Iterator<BenchTrades.SimTrade> {
    public static final int TRADES_PER_SYMBOL_MINUTE = 60;
    /** 2024-01-01T00:00:00Z. */
    public static final long START_MILLIS = 1_704_067_200_000L;

    /** One trade; price and quantity are exact 8-decimal values (unscaled longs). */
    public record SimTrade(String symbol, long tradeId, long priceUnscaled, long quantityUnscaled, long time, boolean buyerIsMaker) {
        public BigDecimal price() {
            return BigDecimal.valueOf(priceUnscaled, 8);
        }

        public BigDecimal quantity() {
            return BigDecimal.valueOf(quantityUnscaled, 8);
        }

        /** The contract's trade of the simulator: one raw trade, event and ingest time at the trade time. */
        public Trade toTrade() {
            Instant tradeTime = Instant.ofEpochMilli(time);
            return new Trade("simulator", symbol, tradeId, tradeId, tradeId, price(), quantity(), tradeTime, buyerIsMaker, tradeTime, tradeTime);
        }
    }

    private final long count;
    private final List<String> symbols;
    private final long[] prices;
    private final SplittableRandom random;
    private final long millisBetweenRounds;
    private final long startMillis;
    private long produced;

    public BenchTrades(long count, int symbols, long seed) {
        this(count, symbols, seed, START_MILLIS);
    }

    public BenchTrades(long count, int symbols, long seed, long startMillis) {
        if (count < 0 || symbols < 1) {
            throw new IllegalArgumentException("Need 0 or more trades and at least 1 symbol, not " + count + " and " + symbols);
        }
        this.count = count;
        this.symbols = symbolNames(symbols);
        this.prices = new long[symbols];
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < symbols; i++) {
            prices[i] = 1_000_000_000L + random.nextLong(9_000_000_000L);
        }
        this.millisBetweenRounds = 60_000 / TRADES_PER_SYMBOL_MINUTE;
        this.startMillis = startMillis;
    }

    /** How long the trades span: from the start to the last trade's round. */
    public static long spanMillis(long count, int symbols) {
        return (count / symbols + 1) * (60_000 / TRADES_PER_SYMBOL_MINUTE);
    }

    public static List<String> symbolNames(int symbols) {
        List<String> names = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) {
            names.add(String.format("SYM%03dUSDT", i));
        }
        return names;
    }

    public List<String> symbols() {
        return List.copyOf(symbols);
    }

    @Override
    public boolean hasNext() {
        return produced < count;
    }

    @Override
    public SimTrade next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int symbol = (int) (produced % prices.length);
        long round = produced / prices.length;
        long step = prices[symbol] / 2_000 * (random.nextInt(21) - 10) / 10;
        prices[symbol] = Math.max(1_000_000L, prices[symbol] + step);
        long quantity = 1 + random.nextLong(500_000_000L);
        long time = startMillis + round * millisBetweenRounds + random.nextInt((int) millisBetweenRounds);
        produced++;
        return new SimTrade(symbols.get(symbol), round + 1, prices[symbol], quantity, time, random.nextBoolean());
    }
}
