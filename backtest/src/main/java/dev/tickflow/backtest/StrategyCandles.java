package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The candles of the strategies' interval, made once for many runs, and with trade input a compact copy of the trades
 * (time, price) with, for each candle, how many trades the aggregation had read when it closed the candle: enough for
 * a run to hand the executor the trades and the candles in the order of a full backtest. Immutable; {@link #slice}
 * cuts the trades where it cuts the candles.
 */
public final class StrategyCandles {
    private final List<Candle> candles;
    private final Trades trades;
    private final int firstCandle;
    private final int tradeStart;
    private final int tradeEnd;

    /** The trades of one symbol in the order read; times in nanoseconds of the epoch. */
    record Trades(String symbol, long[] epochNanos, BigDecimal[] prices, int[] readAtCandle) {
        Instant time(int index) {
            return Instant.EPOCH.plusNanos(epochNanos[index]);
        }
    }

    private StrategyCandles(List<Candle> candles, Trades trades, int firstCandle, int tradeStart, int tradeEnd) {
        this.candles = candles;
        this.trades = trades;
        this.firstCandle = firstCandle;
        this.tradeStart = tradeStart;
        this.tradeEnd = tradeEnd;
    }

    /** Candles alone (klines, or tests): runs over them mark no position between candles and refuse LIMIT orders. */
    public static StrategyCandles of(List<Candle> candles) {
        return new StrategyCandles(List.copyOf(candles), null, 0, 0, 0);
    }

    static StrategyCandles withTrades(List<Candle> candles, Trades trades) {
        if (trades.readAtCandle().length != candles.size()) {
            throw new IllegalArgumentException(candles.size() + " candles but " + trades.readAtCandle().length + " trade counts");
        }
        return new StrategyCandles(List.copyOf(candles), trades, 0, 0, trades.prices().length);
    }

    public List<Candle> candles() {
        return candles;
    }

    public int size() {
        return candles.size();
    }

    public boolean hasTrades() {
        return trades != null;
    }

    /**
     * Candles {@code from} (inclusive) to {@code to} (exclusive) with the trades read after the candle before {@code from}
     * closed, up to when candle {@code to - 1} closed (to the last trade when {@code to} is the end): consecutive slices
     * share no trade and miss none.
     */
    public StrategyCandles slice(int from, int to) {
        List<Candle> part = candles.subList(from, to);
        if (trades == null) {
            return new StrategyCandles(part, null, 0, 0, 0);
        }
        int start = from == 0 ? tradeStart : trades.readAtCandle()[firstCandle + from - 1];
        int end = to == candles.size() ? tradeEnd : trades.readAtCandle()[firstCandle + to - 1];
        return new StrategyCandles(part, trades, firstCandle + from, start, end);
    }

    Trades trades() {
        return trades;
    }

    /** The first trade of this slice, as an index into {@link #trades()}. */
    int tradeStart() {
        return tradeStart;
    }

    int tradeEnd() {
        return tradeEnd;
    }

    /** The trades read (in {@link #trades()}) when candle {@code index} of this slice closed. */
    int tradesReadAt(int index) {
        return trades.readAtCandle()[firstCandle + index];
    }

    /** Collects the trades as read and the count at each strategy candle; prices equal in value and scale share one object. */
    static final class Recorder {
        private final Map<BigDecimal, BigDecimal> prices = new HashMap<>();
        private String symbol;
        private long[] epochNanos = new long[1024];
        private BigDecimal[] tradePrices = new BigDecimal[1024];
        private int[] readAtCandle = new int[256];
        private int trades;
        private int candles;

        void trade(String tradeSymbol, BigDecimal price, Instant time) {
            if (symbol == null) {
                symbol = tradeSymbol;
            } else if (!symbol.equals(tradeSymbol)) {
                throw new IllegalStateException("A trade of " + tradeSymbol + " among those of " + symbol);
            }
            if (trades == Integer.MAX_VALUE - 8) {
                throw new BacktestException("A sweep keeps the trades in memory and takes at most " + trades
                        + " of them: sweep a shorter period");
            }
            if (trades == epochNanos.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8L, trades * 2L);
                epochNanos = Arrays.copyOf(epochNanos, grown);
                tradePrices = Arrays.copyOf(tradePrices, grown);
            }
            epochNanos[trades] = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
            tradePrices[trades] = prices.computeIfAbsent(price, p -> p);
            trades++;
        }

        void candle() {
            if (candles == readAtCandle.length) {
                readAtCandle = Arrays.copyOf(readAtCandle, candles * 2);
            }
            readAtCandle[candles++] = trades;
        }

        Trades trades() {
            return new Trades(symbol, Arrays.copyOf(epochNanos, trades), Arrays.copyOf(tradePrices, trades), Arrays.copyOf(readAtCandle, candles));
        }
    }
}
