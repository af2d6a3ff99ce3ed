package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.T0;
import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Each edge of the topology, in a TopologyTestDriver with the real Avro serde. */
class AggregateTopologyTest {
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final long MINUTE = 60_000;
    private static final long GRACE_MS = GRACE.toMillis();

    private static AggregateFixture fixture(String scope) {
        return new AggregateFixture(scope, "1m", GRACE);
    }

    /** A trade of another symbol on the same partition, only there to move stream time. */
    private static Trade clock(long millis) {
        return trade("CLOCKUSDT", 1_000_000 + millis, millis, "1", "1");
    }

    @Test
    void outOfOrderTradesInsideTheGraceStillSetOpenAndCloseByTradeTime() {
        try (AggregateFixture fixture = fixture("out-of-order")) {
            fixture.send(trade("BTCUSDT", 12, 30_000, "102", "1"));
            fixture.send(trade("BTCUSDT", 13, 59_000, "103", "1"));
            fixture.send(trade("BTCUSDT", 20, MINUTE + 1_000, "110", "1"));
            fixture.send(trade("BTCUSDT", 11, 10_000, "101", "2"));
            fixture.send(trade("BTCUSDT", 14, 59_500, "99", "1"));
            fixture.send(trade("BTCUSDT", 21, MINUTE + GRACE_MS, "111", "1"));

            List<Candle> candles = fixture.candles("1m").readValuesToList();
            assertThat(candles).hasSize(1);
            Candle candle = candles.get(0);
            assertThat(candle.getOpenTime()).isEqualTo(T0);
            assertThat(candle.getCloseTime()).isEqualTo(T0.plusMillis(MINUTE - 1));
            assertThat(candle.getOpen()).isEqualByComparingTo("101");
            assertThat(candle.getClose()).isEqualByComparingTo("99");
            assertThat(candle.getHigh()).isEqualByComparingTo("103");
            assertThat(candle.getLow()).isEqualByComparingTo("99");
            assertThat(candle.getVolume()).isEqualByComparingTo("5");
            assertThat(candle.getQuoteVolume()).isEqualTo(new BigDecimal("506").setScale(16));
            assertThat(candle.getTradeCount()).isEqualTo(4);
            assertThat(candle.getFirstTradeId()).isEqualTo(11);
            assertThat(candle.getLastTradeId()).isEqualTo(14);
            assertThat(candle.getFilled()).isFalse();
            assertThat(candle.getExchange()).isEqualTo("binance");
            assertThat(candle.getSymbol()).isEqualTo("BTCUSDT");
            assertThat(candle.getInterval()).isEqualTo("1m");
            assertThat(fixture.late.isEmpty()).isTrue();
        }
    }

    @Test
    void tradesInOneMillisecondAreOrderedByTradeIdNotByArrival() {
        try (AggregateFixture fixture = fixture("ties")) {
            fixture.send(trade("XRPETH", 7, 5_000, "0.3", "1"));
            fixture.send(trade("XRPETH", 5, 5_000, "0.1", "1"));
            fixture.send(trade("XRPETH", 6, 5_000, "0.2", "1"));
            fixture.send(clock(MINUTE + GRACE_MS));

            Candle candle = fixture.candles("1m").readValue();
            assertThat(candle.getOpen()).isEqualByComparingTo("0.1");
            assertThat(candle.getClose()).isEqualByComparingTo("0.3");
        }
    }

    @Test
    void takerBuySumsAndRawTradeCountsFollowBinance() {
        try (AggregateFixture fixture = fixture("taker")) {
            fixture.send(Trades.trade("ETHBTC", 1, 100, 104, T0, new BigDecimal("0.05000001"), new BigDecimal("2.5"), false));
            fixture.send(Trades.trade("ETHBTC", 2, 105, 105, T0.plusMillis(1), new BigDecimal("0.05"), new BigDecimal("1"), true));
            fixture.send(clock(MINUTE + GRACE_MS));

            Candle candle = fixture.candles("1m").readValue();
            assertThat(candle.getTradeCount()).isEqualTo(6);
            assertThat(candle.getTakerBuyVolume()).isEqualTo(new BigDecimal("2.50000000"));
            assertThat(candle.getTakerBuyQuoteVolume()).isEqualTo(new BigDecimal("0.1250000250000000"));
            assertThat(candle.getQuoteVolume()).isEqualTo(new BigDecimal("0.1750000250000000"));
        }
    }

    @Test
    void aTradeForAClosedMinuteGoesToTheLateTopicAndIsCounted() {
        try (AggregateFixture fixture = fixture("late")) {
            fixture.send(trade("BTCUSDT", 1, 10_000, "100", "1"));
            fixture.send(trade("BTCUSDT", 3, MINUTE + GRACE_MS, "101", "1"));
            Trade late = trade("BTCUSDT", 2, 50_000, "500", "1");
            fixture.send(late);

            List<TestRecord<String, Trade>> lateRecords = fixture.late.readRecordsToList();
            assertThat(lateRecords).hasSize(1);
            assertThat(lateRecords.get(0).key()).isEqualTo("BTCUSDT");
            assertThat(lateRecords.get(0).value()).isEqualTo(late);
            assertThat(fixture.total("late-trades")).isEqualTo(1.0);
            assertThat(fixture.driver.metrics().keySet()).filteredOn(name -> name.name().equals("late-trades-total"))
                    .singleElement().satisfies(name -> {
                        assertThat(name.group()).isEqualTo("stream-tickflow-aggregate-metrics");
                        assertThat(name.tags()).containsEntry("tickflow-aggregate-id", "0_0");
                    });
            Candle candle = fixture.candles("1m").readValue();
            assertThat(candle.getHigh()).isEqualByComparingTo("100");
            assertThat(candle.getTradeCount()).isEqualTo(1);
        }
    }

    @Test
    void aTradeOfANewSymbolOlderThanStreamTimeAllowsIsLateToo() {
        try (AggregateFixture fixture = fixture("late-new-symbol")) {
            fixture.send(clock(3 * MINUTE));
            fixture.send(trade("SOLUSDT", 1, MINUTE, "20", "1"));

            assertThat(fixture.late.readValuesToList()).extracting(Trade::getSymbol).containsExactly("SOLUSDT");
            fixture.send(clock(5 * MINUTE));
            assertThat(fixture.candles("1m").readValuesToList()).extracting(Candle::getSymbol).doesNotContain("SOLUSDT");
        }
    }

    @Test
    void aTradeSeenTwiceIsCountedOnce() {
        try (AggregateFixture fixture = fixture("duplicates")) {
            Trade trade = trade("BTCUSDT", 42, 1_000, "100", "3");
            fixture.send(trade);
            fixture.send(trade("BTCUSDT", 43, 2_000, "101", "1"));
            fixture.send(trade);
            fixture.send(trade("BTCUSDT", 43, 2_000, "101", "1"));
            fixture.send(clock(MINUTE + GRACE_MS));
            fixture.send(trade);

            Candle candle = fixture.candles("1m").readValue();
            assertThat(candle.getVolume()).isEqualByComparingTo("4");
            assertThat(candle.getTradeCount()).isEqualTo(2);
            assertThat(fixture.total("duplicate-trades")).isEqualTo(3.0);
            assertThat(fixture.late.isEmpty()).isTrue();
            assertThat(fixture.candles("1m").isEmpty()).isTrue();
        }
    }

    @Test
    void minutesWithoutTradesYieldFlatCandlesAtThePreviousClose() {
        try (AggregateFixture fixture = fixture("gaps")) {
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));
            fixture.send(trade("BTCUSDT", 2, 2_000, "105", "1"));
            fixture.send(trade("BTCUSDT", 3, 3 * MINUTE + 1_000, "90", "1"));
            fixture.send(clock(4 * MINUTE + GRACE_MS));

            List<Candle> candles = fixture.candles("1m").readValuesToList();
            assertThat(candles).extracting(Candle::getOpenTime)
                    .containsExactly(T0, T0.plusMillis(MINUTE), T0.plusMillis(2 * MINUTE), T0.plusMillis(3 * MINUTE));
            for (Candle flat : candles.subList(1, 3)) {
                assertThat(flat.getFilled()).isTrue();
                assertThat(List.of(flat.getOpen(), flat.getHigh(), flat.getLow(), flat.getClose()))
                        .allSatisfy(price -> assertThat(price).isEqualTo(new BigDecimal("105.00000000")));
                assertThat(flat.getVolume()).isEqualTo(new BigDecimal("0E-8"));
                assertThat(flat.getQuoteVolume()).isEqualTo(BigDecimal.ZERO.setScale(16));
                assertThat(flat.getTradeCount()).isZero();
                assertThat(flat.getFirstTradeId()).isEqualTo(-1);
                assertThat(flat.getLastTradeId()).isEqualTo(-1);
                assertThat(flat.getCloseTime()).isEqualTo(flat.getOpenTime().plusMillis(MINUTE - 1));
            }
            assertThat(candles.get(3).getOpen()).isEqualByComparingTo("90");
            assertThat(candles.get(3).getFilled()).isFalse();
        }
    }

    @Test
    void noCandleBeforeASymbolsFirstTrade() {
        try (AggregateFixture fixture = fixture("first-trade")) {
            fixture.send(clock(0));
            fixture.send(trade("ADAUSDT", 1, 5 * MINUTE + 30_000, "0.5", "10"));
            fixture.send(clock(6 * MINUTE + GRACE_MS));

            List<Candle> ada = fixture.candles("1m").readValuesToList().stream()
                    .filter(candle -> candle.getSymbol().equals("ADAUSDT")).toList();
            assertThat(ada).hasSize(1);
            assertThat(ada.get(0).getOpenTime()).isEqualTo(T0.plusMillis(5 * MINUTE));
        }
    }

    @Test
    void aMinuteClosesWhenStreamTimeReachesItsEndPlusGrace() {
        try (AggregateFixture fixture = fixture("stream-time")) {
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));
            fixture.send(trade("BTCUSDT", 2, MINUTE + GRACE_MS - 1, "101", "1"));
            assertThat(fixture.candles("1m").isEmpty()).isTrue();

            fixture.send(trade("BTCUSDT", 3, MINUTE + GRACE_MS, "102", "1"));
            assertThat(fixture.candles("1m").readValuesToList()).extracting(Candle::getOpenTime).containsExactly(T0);
        }
    }

    @Test
    void theWallClockClosesNothing() {
        try (AggregateFixture fixture = fixture("no-wall-clock")) {
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));
            fixture.driver.advanceWallClockTime(Duration.between(Instant.EPOCH, T0).plusDays(1));
            assertThat(fixture.candles("1m").isEmpty()).isTrue();
        }
    }

    @Test
    void aSourceWatermarkClosesAQuietSymbolsMinuteAndFillsTheGapsUpToIt() {
        try (AggregateFixture fixture = fixture("watermark")) {
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));

            fixture.sendWatermark(T0.plusMillis(MINUTE + GRACE_MS - 1));
            assertThat(fixture.candles("1m").isEmpty()).isTrue();
            fixture.sendWatermark(T0.plusMillis(MINUTE + GRACE_MS));
            assertThat(fixture.candles("1m").readValuesToList()).extracting(Candle::getOpenTime).containsExactly(T0);

            fixture.sendWatermark(T0.plusMillis(3 * MINUTE + GRACE_MS));
            List<Candle> flats = fixture.candles("1m").readValuesToList();
            assertThat(flats).extracting(Candle::getOpenTime).containsExactly(T0.plusMillis(MINUTE), T0.plusMillis(2 * MINUTE));
            assertThat(flats).allMatch(Candle::getFilled);

            fixture.send(trade("BTCUSDT", 2, 2 * MINUTE, "300", "1"));
            assertThat(fixture.late.readValuesToList()).extracting(Trade::getTradeId).containsExactly(2L);
            assertThat(fixture.total("invalid-trades")).isZero();
        }
    }

    /** A stalled JVM, a restart or a broker outage: the clock ran on while the trades waited in the partition. */
    @Test
    void aBacklogReadLongAfterItsMinutesIsAggregatedNotLate() {
        try (AggregateFixture fixture = fixture("backlog")) {
            fixture.driver.advanceWallClockTime(Duration.between(Instant.EPOCH, T0).plusHours(3));
            for (int minute = 0; minute < 5; minute++) {
                fixture.send(trade("BTCUSDT", minute + 1, minute * MINUTE + 1_000, "10" + minute, "1"));
                fixture.sendWatermark(T0.plusMillis(minute * MINUTE + 2_000));
                fixture.driver.advanceWallClockTime(Duration.ofMinutes(1));
            }
            fixture.sendWatermark(T0.plusMillis(5 * MINUTE + GRACE_MS));

            assertThat(fixture.late.isEmpty()).isTrue();
            assertThat(fixture.candles("1m").readValuesToList())
                    .extracting(candle -> candle.getOpen().toPlainString())
                    .containsExactly("100.00000000", "101.00000000", "102.00000000", "103.00000000", "104.00000000");
        }
    }

    @Test
    void aWatermarkBehindStreamTimeMovesNothingBack() {
        try (AggregateFixture fixture = fixture("old-watermark")) {
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));
            fixture.send(trade("BTCUSDT", 2, MINUTE + 1_000, "101", "1"));
            fixture.sendWatermark(T0);
            fixture.send(trade("BTCUSDT", 3, 2_000, "99", "1"));

            assertThat(fixture.late.isEmpty()).isTrue();
            fixture.sendWatermark(T0.plusMillis(MINUTE + GRACE_MS));
            assertThat(fixture.candles("1m").readValuesToList()).singleElement()
                    .satisfies(candle -> assertThat(candle.getLow()).isEqualByComparingTo("99"));
        }
    }

    /**
     * Runs at_least_once: under exactly_once_v2 this TopologyTestDriver (4.3.1) hands the dead-letter record to its
     * producer but never shows it among the outputs; the integration test against a real broker covers that mode.
     */
    @Test
    void anUndeserializableRecordGoesToTheDeadLetterTopicAndProcessingContinues() {
        try (AggregateFixture fixture = new AggregateFixture("poison", "1m", GRACE, StreamsConfig.AT_LEAST_ONCE)) {
            byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));
            fixture.rawTrades.pipeInput("BTCUSDT".getBytes(StandardCharsets.UTF_8), garbage, T0.plusMillis(2_000));
            fixture.send(trade("BTCUSDT", 2, 3_000, "101", "1"));
            fixture.send(clock(MINUTE + GRACE_MS));

            List<TestRecord<byte[], byte[]>> dead = fixture.dlq.readRecordsToList();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(dead.get(0).key()).isEqualTo("BTCUSDT".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.get(0).headers().toArray()).extracting(Header::key).isNotEmpty();
            Candle candle = fixture.candles("1m").readValue();
            assertThat(candle.getTradeCount()).isEqualTo(2);
            assertThat(candle.getClose()).isEqualByComparingTo("101");
        }
    }

    @Test
    void rolledUpCandlesFollowTheOneMinuteOnesIncludingAFlatWindow() {
        try (AggregateFixture fixture = new AggregateFixture("rollups", "1m,5m,15m,1h", GRACE)) {
            fixture.send(trade("BTCUSDT", 1, 10_000, "100", "1"));
            fixture.send(trade("BTCUSDT", 2, MINUTE + 10_000, "120", "2"));
            fixture.send(trade("BTCUSDT", 3, 3 * MINUTE + 10_000, "90", "1"));
            fixture.send(Trades.trade("BTCUSDT", 4, 40, 41, T0.plusMillis(12 * MINUTE), new BigDecimal("95"), new BigDecimal("1"), false));
            fixture.send(clock(60 * MINUTE + GRACE_MS));

            List<Candle> fives = fixture.candles("5m").readValuesToList();
            assertThat(fives).hasSize(12);
            Candle first = fives.get(0);
            assertThat(first.getOpenTime()).isEqualTo(T0);
            assertThat(first.getCloseTime()).isEqualTo(T0.plusMillis(5 * MINUTE - 1));
            assertThat(first.getInterval()).isEqualTo("5m");
            assertThat(List.of(first.getOpen(), first.getHigh(), first.getLow(), first.getClose()))
                    .extracting(BigDecimal::toPlainString).containsExactly("100.00000000", "120.00000000", "90.00000000", "90.00000000");
            assertThat(first.getVolume()).isEqualByComparingTo("4");
            assertThat(first.getQuoteVolume()).isEqualByComparingTo("430");
            assertThat(first.getTradeCount()).isEqualTo(3);
            assertThat(first.getFirstTradeId()).isEqualTo(1);
            assertThat(first.getLastTradeId()).isEqualTo(3);
            assertThat(first.getFilled()).isFalse();

            Candle flat = fives.get(1);
            assertThat(flat.getFilled()).isTrue();
            assertThat(List.of(flat.getOpen(), flat.getHigh(), flat.getLow(), flat.getClose()))
                    .allSatisfy(price -> assertThat(price).isEqualByComparingTo("90"));
            assertThat(flat.getVolume()).isEqualByComparingTo("0");
            assertThat(flat.getTradeCount()).isZero();
            assertThat(flat.getFirstTradeId()).isEqualTo(-1);
            assertThat(flat.getLastTradeId()).isEqualTo(-1);

            Candle third = fives.get(2);
            assertThat(third.getFilled()).isFalse();
            assertThat(third.getOpen()).isEqualByComparingTo("95");
            assertThat(third.getHigh()).isEqualByComparingTo("95");
            assertThat(third.getTakerBuyVolume()).isEqualByComparingTo("1");
            assertThat(third.getTradeCount()).isEqualTo(2);

            List<Candle> fifteens = fixture.candles("15m").readValuesToList();
            assertThat(fifteens).hasSize(4);
            assertThat(fifteens.get(0).getHigh()).isEqualByComparingTo("120");
            assertThat(fifteens.get(0).getClose()).isEqualByComparingTo("95");
            assertThat(fifteens.get(0).getLastTradeId()).isEqualTo(4);
            assertThat(fifteens.subList(1, 4)).allMatch(Candle::getFilled);

            List<Candle> hours = fixture.candles("1h").readValuesToList();
            assertThat(hours).hasSize(1);
            assertThat(hours.get(0).getCloseTime()).isEqualTo(T0.plusMillis(60 * MINUTE - 1));
            assertThat(hours.get(0).getVolume()).isEqualByComparingTo("5");
            assertThat(hours.get(0).getTradeCount()).isEqualTo(5);
            assertThat(hours.get(0).getOpen()).isEqualByComparingTo("100");
            assertThat(hours.get(0).getClose()).isEqualByComparingTo("95");
        }
    }

    @Test
    void aRolledUpWindowIsEmittedWhenItsLastMinuteIsAndNotBefore() {
        try (AggregateFixture fixture = new AggregateFixture("rollup-timing", "1m,5m", GRACE)) {
            fixture.send(trade("BTCUSDT", 1, 10_000, "100", "1"));
            fixture.send(clock(4 * MINUTE + GRACE_MS));
            assertThat(fixture.candles("5m").isEmpty()).isTrue();
            fixture.send(clock(5 * MINUTE + GRACE_MS));
            assertThat(fixture.candles("5m").readValuesToList()).extracting(Candle::getSymbol).containsOnlyOnce("BTCUSDT");
        }
    }

    @Test
    void twoSymbolsOnOnePartitionCloseIndependently() {
        try (AggregateFixture fixture = fixture("two-symbols")) {
            fixture.send(trade("AAAUSDT", 1, 1_000, "10", "1"));
            fixture.send(trade("BBBUSDT", 1, 2_000, "2000", "1"));
            fixture.send(trade("BBBUSDT", 2, MINUTE + 1_000, "2100", "1"));
            fixture.send(trade("BBBUSDT", 3, 3 * MINUTE + GRACE_MS, "2200", "1"));

            List<Candle> candles = fixture.candles("1m").readValuesToList();
            List<Candle> a = candles.stream().filter(candle -> candle.getSymbol().equals("AAAUSDT")).toList();
            List<Candle> b = candles.stream().filter(candle -> candle.getSymbol().equals("BBBUSDT")).toList();
            assertThat(a).extracting(Candle::getOpenTime).containsExactly(T0, T0.plusMillis(MINUTE), T0.plusMillis(2 * MINUTE));
            assertThat(a).extracting(Candle::getClose).allSatisfy(close -> assertThat(close).isEqualByComparingTo("10"));
            assertThat(a.subList(1, 3)).allMatch(Candle::getFilled);
            assertThat(b).extracting(Candle::getClose).extracting(BigDecimal::toPlainString)
                    .containsExactly("2000.00000000", "2100.00000000", "2100.00000000");

            fixture.send(trade("AAAUSDT", 2, 3 * MINUTE + 10_000, "11", "1"));
            fixture.send(trade("AAAUSDT", 3, 4 * MINUTE + GRACE_MS, "12", "1"));
            List<Candle> next = fixture.candles("1m").readValuesToList();
            assertThat(next).extracting(Candle::getSymbol).containsExactlyInAnyOrder("AAAUSDT", "BBBUSDT");
            assertThat(next).filteredOn(candle -> candle.getSymbol().equals("AAAUSDT")).singleElement()
                    .satisfies(candle -> assertThat(candle.getClose()).isEqualByComparingTo("11"));
        }
    }

    @Test
    void nullValuesAreCountedAndSkipped() {
        try (AggregateFixture fixture = fixture("null-value")) {
            fixture.trades.pipeInput("BTCUSDT", null, T0.plus(Duration.ofDays(1)));
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));
            fixture.send(clock(MINUTE + GRACE_MS));
            assertThat(fixture.total("invalid-trades")).isEqualTo(1.0);
            assertThat(fixture.late.isEmpty()).isTrue();
            assertThat(fixture.candles("1m").readValuesToList()).hasSize(1);
        }
    }

    /** The store's changelog layer sits under the symbol states, which Streams' record cache does not hold. */
    @Test
    void theStateStoreLogsTheEncodedStatesToAChangelog() {
        List<String> layers = new ArrayList<>();
        StateStore store = AggregateTopology.stateStore().build().encoded();
        while (store instanceof WrappedStateStore<?, ?, ?> wrapped) {
            layers.add(store.getClass().getSimpleName());
            store = wrapped.wrapped();
        }
        layers.add(store.getClass().getSimpleName());

        assertThat(layers).containsSubsequence("ChangeLoggingKeyValueBytesStore", "InMemoryKeyValueStore").doesNotContain("CachingKeyValueStore");
        assertThat(AggregateTopology.stateStore().loggingEnabled()).isTrue();
    }
}
