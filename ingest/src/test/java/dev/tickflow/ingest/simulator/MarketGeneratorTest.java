package dev.tickflow.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketGeneratorTest {
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @Test
    void theSameSeedGivesTheSameTrades() {
        assertThat(trades(7, 5_000, "BTCUSDT", "ETHUSDT", "XRPETH")).isEqualTo(trades(7, 5_000, "BTCUSDT", "ETHUSDT", "XRPETH"));
    }

    @Test
    void anotherSeedGivesOtherTrades() {
        assertThat(trades(7, 200, "BTCUSDT")).isNotEqualTo(trades(8, 200, "BTCUSDT"));
    }

    @Test
    void tradesAreInTradeTimeOrderWithIncreasingIdsPerSymbol() {
        List<Trade> trades = trades(1, 20_000, "BTCUSDT", "ETHUSDT", "SOLUSDT", "ABCDEF");
        Map<String, Long> lastId = new HashMap<>();
        Map<String, Long> lastRaw = new HashMap<>();
        Instant previous = Instant.MIN;
        for (Trade trade : trades) {
            assertThat(trade.getTradeTime()).isAfterOrEqualTo(previous);
            previous = trade.getTradeTime();
            assertThat(trade.getTradeId()).isEqualTo(lastId.getOrDefault(trade.getSymbol(), 0L) + 1);
            lastId.put(trade.getSymbol(), trade.getTradeId());
            assertThat(trade.getFirstTradeId()).isEqualTo(lastRaw.getOrDefault(trade.getSymbol(), 0L) + 1);
            assertThat(trade.getLastTradeId()).isGreaterThanOrEqualTo(trade.getFirstTradeId());
            lastRaw.put(trade.getSymbol(), trade.getLastTradeId());
            assertThat(trade.getExchange()).isEqualTo("simulator");
            assertThat(trade.getEventTime()).isEqualTo(trade.getTradeTime());
        }
        assertThat(lastId).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT", "ABCDEF");
    }

    @Test
    void pricesAreWholeTicksAndQuantitiesWholeSteps() {
        SymbolMarket btc = new SymbolMarket("BTCUSDT", 3, START);
        assertThat(btc.tick()).isEqualByComparingTo("0.01");
        assertThat(btc.step()).isEqualByComparingTo("0.00001");
        SymbolMarket xrp = new SymbolMarket("XRPUSDT", 3, START);
        assertThat(xrp.tick()).isEqualByComparingTo("0.0000001");
        assertThat(xrp.step()).isEqualByComparingTo("1");
        for (SymbolMarket market : List.of(btc, xrp)) {
            for (int i = 0; i < 5_000; i++) {
                Trade trade = market.next();
                assertThat(trade.getPrice().scale()).isEqualTo(8);
                assertThat(trade.getQuantity().scale()).isEqualTo(8);
                assertThat(trade.getPrice().remainder(market.tick())).isEqualByComparingTo(BigDecimal.ZERO);
                assertThat(trade.getQuantity().remainder(market.step())).isEqualByComparingTo(BigDecimal.ZERO);
                assertThat(trade.getPrice()).isPositive();
                assertThat(trade.getQuantity()).isPositive();
            }
        }
    }

    @Test
    void pricesStayRealisticOverADay() {
        SymbolMarket btc = new SymbolMarket("BTCUSDT", 11, START);
        BigDecimal low = null;
        BigDecimal high = null;
        int buyerMakers = 0;
        int count = 0;
        while (btc.nextTradeTime() < START + 24 * 3600 * 1000L) {
            Trade trade = btc.next();
            low = low == null || trade.getPrice().compareTo(low) < 0 ? trade.getPrice() : low;
            high = high == null || trade.getPrice().compareTo(high) > 0 ? trade.getPrice() : high;
            buyerMakers += trade.getBuyerIsMaker() ? 1 : 0;
            count++;
        }
        assertThat(count).isBetween(50_000, 2_000_000);
        assertThat(low).isGreaterThan(new BigDecimal("45000"));
        assertThat(high).isLessThan(new BigDecimal("90000"));
        assertThat(buyerMakers / (double) count).isBetween(0.4, 0.6);
    }

    @Test
    void activityHasBurstsAndQuietPeriods() {
        SymbolMarket eth = new SymbolMarket("ETHUSDT", 5, START);
        Map<Long, Integer> perMinute = new HashMap<>();
        while (eth.nextTradeTime() < START + 3 * 3600 * 1000L) {
            perMinute.merge((eth.next().getTradeTime().toEpochMilli() - START) / 60_000, 1, Integer::sum);
        }
        int busiest = perMinute.values().stream().max(Integer::compare).orElse(0);
        long quietMinutes = perMinute.values().stream().filter(n -> n < 60).count() + (180 - perMinute.size());
        assertThat(busiest).isGreaterThan(1_000);
        assertThat(quietMinutes).isGreaterThan(10);
    }

    @Test
    void addingASymbolLeavesTheOthersUnchanged() {
        List<Trade> alone = trades(9, 3_000, "BTCUSDT").stream().toList();
        List<Trade> mixed = trades(9, 9_000, "BTCUSDT", "ETHUSDT").stream().filter(t -> t.getSymbol().equals("BTCUSDT")).toList();
        assertThat(mixed.subList(0, 2_000)).isEqualTo(alone.subList(0, 2_000));
    }

    @Test
    void aRemovedSymbolStopsAndComesBackWithLaterIds() {
        MarketGenerator generator = new MarketGenerator(4);
        generator.add("BTCUSDT", START);
        generator.add("ETHUSDT", START);
        take(generator, 1_000);
        generator.remove("ETHUSDT");
        assertThat(generator.symbols()).containsExactly("BTCUSDT");
        long resumeAt = generator.nextTradeTime() + 60_000;
        List<Trade> withoutEth = take(generator, 1_000);
        assertThat(withoutEth).allMatch(t -> t.getSymbol().equals("BTCUSDT"));
        generator.add("ETHUSDT", resumeAt);
        Trade firstEthAgain = take(generator, 5_000).stream().filter(t -> t.getSymbol().equals("ETHUSDT")).findFirst().orElseThrow();
        assertThat(firstEthAgain.getTradeTime().toEpochMilli()).isGreaterThanOrEqualTo(resumeAt);
        assertThat(firstEthAgain.getTradeId()).isGreaterThan(1);
    }

    @Test
    void aMarketStartedAboveEarlierIdsRepeatsNoAggregateOrRawId() {
        List<Trade> first = trades(9, 3_000, "BTCUSDT", "ETHUSDT");
        MarketGenerator continued = new MarketGenerator(9, first.size() + 1);
        continued.add("BTCUSDT", START);
        continued.add("ETHUSDT", START);
        List<Trade> second = take(continued, 3_000);

        long lastAggregateId = first.stream().mapToLong(Trade::getTradeId).max().orElseThrow();
        long lastRawId = first.stream().mapToLong(Trade::getLastTradeId).max().orElseThrow();
        assertThat(second.stream().filter(t -> t.getSymbol().equals("BTCUSDT")).findFirst().orElseThrow().getTradeId())
                .isEqualTo(first.size() + 1);
        assertThat(second).allSatisfy(trade -> {
            assertThat(trade.getTradeId()).isGreaterThan(lastAggregateId);
            assertThat(trade.getFirstTradeId()).isGreaterThan(lastRawId);
        });
    }

    private static List<Trade> trades(long seed, int count, String... symbols) {
        MarketGenerator generator = new MarketGenerator(seed);
        for (String symbol : symbols) {
            generator.add(symbol, START);
        }
        return take(generator, count);
    }

    private static List<Trade> take(MarketGenerator generator, int count) {
        List<Trade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trades.add(generator.next());
        }
        return trades;
    }

    @Test
    void everyTradeBeforeTheWatermarkHasBeenTaken() {
        MarketGenerator generator = new MarketGenerator(3);
        generator.add("BTCUSDT", START);
        generator.add("ETHUSDT", START);
        long simulatedNow = START + 60_000;
        long lastTaken = Long.MIN_VALUE;
        while (generator.nextTradeTime() <= simulatedNow) {
            lastTaken = generator.next().getTradeTime().toEpochMilli();
        }

        assertThat(generator.deliveredBefore(simulatedNow)).isEqualTo(simulatedNow);
        assertThat(lastTaken).isLessThanOrEqualTo(simulatedNow);
        assertThat(generator.next().getTradeTime().toEpochMilli()).isGreaterThan(simulatedNow);
    }

    @Test
    void theWatermarkStaysBeforeTheNextTradeWhileTradesAreDue() {
        MarketGenerator generator = new MarketGenerator(3);
        generator.add("BTCUSDT", START);
        long next = generator.nextTradeTime();

        assertThat(generator.deliveredBefore(next + 10_000)).isEqualTo(next);
        assertThat(new MarketGenerator(3).deliveredBefore(START)).isEqualTo(START);
    }
}
