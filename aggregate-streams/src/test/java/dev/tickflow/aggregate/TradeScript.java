package dev.tickflow.aggregate;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trades of a few symbols over several minutes of trade time, with gaps, and the final 1m candles Binance's kline
 * rules give for them: one per symbol and minute from the symbol's first trade through the last closed minute, exact
 * counts and volumes, flat candles at the previous close for minutes without trades.
 */
final class TradeScript {
    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    private static final Map<String, BigDecimal> START_PRICES = Map.of(
            "BTCUSDT", new BigDecimal("60000"), "ETHUSDT", new BigDecimal("3000"), "SOLUSDT", new BigDecimal("150"));
    /** Minutes without trades, per symbol: they must come out as flat candles. */
    private static final Map<String, Set<Integer>> GAPS = Map.of("BTCUSDT", Set.of(), "ETHUSDT", Set.of(2), "SOLUSDT", Set.of(1, 3));

    private final Instant start;
    private final int minutes;
    private final List<Trade> trades = new ArrayList<>();
    private final List<Trade> closers = new ArrayList<>();

    /**
     * @param start   the first minute, UTC-aligned
     * @param minutes minutes with trades; then one closing trade per symbol in minute {@code minutes + 1}, 30 s in,
     *                which moves stream time past the end of minute {@code minutes} plus any grace under 30 s
     */
    TradeScript(Instant start, int minutes, long seed) {
        this.start = start.truncatedTo(ChronoUnit.MINUTES);
        this.minutes = minutes;
        Random random = new Random(seed);
        Map<String, Long> nextId = new HashMap<>();
        Map<String, BigDecimal> price = new HashMap<>(START_PRICES);
        for (int minute = 0; minute < minutes; minute++) {
            for (String symbol : SYMBOLS) {
                if (GAPS.get(symbol).contains(minute)) {
                    continue;
                }
                int count = 3 + random.nextInt(6);
                List<Long> offsets = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    offsets.add((long) random.nextInt(60_000));
                }
                offsets.sort(Comparator.naturalOrder());
                for (long offset : offsets) {
                    BigDecimal move = BigDecimal.valueOf(random.nextInt(201) - 100, 4).multiply(price.get(symbol))
                            .divide(BigDecimal.valueOf(100), 8, RoundingMode.HALF_EVEN);
                    price.put(symbol, price.get(symbol).add(move).setScale(8, RoundingMode.HALF_EVEN));
                    BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(500_000), 8);
                    trades.add(trade(symbol, nextId, minute(minute).plusMillis(offset), price.get(symbol), quantity,
                            1 + random.nextInt(3), random.nextBoolean()));
                }
            }
        }
        for (String symbol : SYMBOLS) {
            closers.add(trade(symbol, nextId, minute(minutes + 1).plusSeconds(30), price.get(symbol),
                    new BigDecimal("0.00000001"), 1, false));
        }
    }

    Instant minute(int index) {
        return start.plus(Duration.ofMinutes(index));
    }

    /** Every trade, closers last, in trade-time order per symbol. */
    List<Trade> all() {
        List<Trade> all = new ArrayList<>(trades);
        all.addAll(closers);
        return all;
    }

    /** Trades before minute {@code index}. */
    List<Trade> before(int index) {
        return trades.stream().filter(t -> t.getTradeTime().isBefore(minute(index))).toList();
    }

    /** Trades from minute {@code index} on, closers included. */
    List<Trade> from(int index) {
        List<Trade> rest = new ArrayList<>(trades.stream().filter(t -> !t.getTradeTime().isBefore(minute(index))).toList());
        rest.addAll(closers);
        return rest;
    }

    /** The final candles expected once every trade, closers included, has been processed. */
    Map<Key, Summary> expectedCandles() {
        Map<Key, Summary> expected = new TreeMap<>();
        for (String symbol : SYMBOLS) {
            BigDecimal previousClose = null;
            for (int minute = 0; minute <= minutes; minute++) {
                Instant open = minute(minute);
                List<Trade> inMinute = trades.stream()
                        .filter(t -> t.getSymbol().equals(symbol))
                        .filter(t -> !t.getTradeTime().isBefore(open) && t.getTradeTime().isBefore(open.plusSeconds(60)))
                        .sorted(Comparator.comparing(Trade::getTradeTime).thenComparingLong(Trade::getTradeId))
                        .toList();
                if (inMinute.isEmpty()) {
                    if (previousClose != null) {
                        expected.put(new Key(symbol, open), Summary.flat(previousClose));
                    }
                    continue;
                }
                Summary summary = Summary.of(inMinute);
                expected.put(new Key(symbol, open), summary);
                previousClose = summary.close();
            }
        }
        return expected;
    }

    private static Trade trade(String symbol, Map<String, Long> nextId, Instant time, BigDecimal price, BigDecimal quantity,
                               int rawTrades, boolean buyerIsMaker) {
        long id = nextId.merge(symbol, 1L, Long::sum);
        long firstRaw = id * 10;
        return Trade.newBuilder()
                .setExchange("binance")
                .setSymbol(symbol)
                .setTradeId(id)
                .setFirstTradeId(firstRaw)
                .setLastTradeId(firstRaw + rawTrades - 1)
                .setPrice(price.setScale(8, RoundingMode.HALF_EVEN))
                .setQuantity(quantity.setScale(8, RoundingMode.HALF_EVEN))
                .setTradeTime(time)
                .setBuyerIsMaker(buyerIsMaker)
                .setEventTime(time)
                .setIngestTime(time)
                .build();
    }

    /** A candle's identity: one per symbol and open time. */
    record Key(String symbol, Instant openTime) implements Comparable<Key> {
        static Key of(Candle candle) {
            return new Key(candle.getSymbol(), candle.getOpenTime());
        }

        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::symbol).thenComparing(Key::openTime).compare(this, other);
        }
    }

    /** The candle fields the test checks, decimals at the topic's scale. */
    record Summary(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume, long tradeCount,
                   long firstTradeId, long lastTradeId, boolean filled) {

        static Summary of(Candle candle) {
            return new Summary(scaled(candle.getOpen()), scaled(candle.getHigh()), scaled(candle.getLow()), scaled(candle.getClose()),
                    scaled(candle.getVolume()), candle.getTradeCount(), candle.getFirstTradeId(), candle.getLastTradeId(), candle.getFilled());
        }

        static Summary of(List<Trade> sorted) {
            BigDecimal high = sorted.stream().map(Trade::getPrice).max(Comparator.naturalOrder()).orElseThrow();
            BigDecimal low = sorted.stream().map(Trade::getPrice).min(Comparator.naturalOrder()).orElseThrow();
            BigDecimal volume = sorted.stream().map(Trade::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            long count = sorted.stream().mapToLong(t -> t.getLastTradeId() - t.getFirstTradeId() + 1).sum();
            return new Summary(scaled(sorted.get(0).getPrice()), scaled(high), scaled(low), scaled(sorted.get(sorted.size() - 1).getPrice()),
                    scaled(volume), count, sorted.get(0).getTradeId(), sorted.get(sorted.size() - 1).getTradeId(), false);
        }

        static Summary flat(BigDecimal previousClose) {
            BigDecimal price = scaled(previousClose);
            return new Summary(price, price, price, price, scaled(BigDecimal.ZERO), 0, -1, -1, true);
        }

        private static BigDecimal scaled(BigDecimal value) {
            return value.setScale(8, RoundingMode.UNNECESSARY);
        }
    }
}
