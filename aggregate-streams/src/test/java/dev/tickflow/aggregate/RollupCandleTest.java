package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Candle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupCandleTest {
    private static final long OPEN = 1_570_752_000_000L;
    private static final long MINUTE = 60_000;

    private static Candle traded(int minute, String open, String high, String low, String close, String volume, long firstId, long lastId) {
        MinuteCandle candle = new MinuteCandle(OPEN + minute * MINUTE);
        long time = OPEN + minute * MINUTE;
        candle.add(time, firstId, new BigDecimal(open).setScale(8), BigDecimal.ZERO.setScale(8), 1, true);
        candle.add(time + 1, firstId + 1, new BigDecimal(high).setScale(8), BigDecimal.ZERO.setScale(8), 1, true);
        candle.add(time + 2, firstId + 2, new BigDecimal(low).setScale(8), BigDecimal.ZERO.setScale(8), 1, false);
        candle.add(time + 3, lastId, new BigDecimal(close).setScale(8), new BigDecimal(volume).setScale(8), 1, false);
        return candle.toCandle("binance", "XRPETH");
    }

    private static Candle flat(int minute, String price) {
        return MinuteCandle.flat("binance", "XRPETH", OPEN + minute * MINUTE, new BigDecimal(price));
    }

    private static List<Candle> feed(RollupCandle rollup, Candle... minutes) {
        List<Candle> out = new ArrayList<>();
        for (Candle minute : minutes) {
            rollup.add(minute, out::add);
        }
        return out;
    }

    @Test
    void aWindowIsEmittedWithItsLastMinute() {
        RollupCandle five = new RollupCandle("5m", 5 * MINUTE);
        List<Candle> out = feed(five, traded(0, "10", "12", "9", "11", "1", 1, 4), traded(1, "11", "15", "11", "14", "2", 5, 8),
                flat(2, "14"), traded(3, "13", "13", "8", "9", "3", 9, 12));
        assertThat(out).isEmpty();
        out = feed(five, flat(4, "9"));

        assertThat(out).singleElement().satisfies(candle -> {
            assertThat(candle.getInterval()).isEqualTo("5m");
            assertThat(candle.getOpen()).isEqualByComparingTo("10");
            assertThat(candle.getHigh()).isEqualByComparingTo("15");
            assertThat(candle.getLow()).isEqualByComparingTo("8");
            assertThat(candle.getClose()).isEqualByComparingTo("9");
            assertThat(candle.getVolume()).isEqualByComparingTo("6");
            assertThat(candle.getTradeCount()).isEqualTo(12);
            assertThat(candle.getFirstTradeId()).isEqualTo(1);
            assertThat(candle.getLastTradeId()).isEqualTo(12);
            assertThat(candle.getFilled()).isFalse();
            assertThat(candle.getCloseTime().toEpochMilli()).isEqualTo(OPEN + 5 * MINUTE - 1);
        });
        assertThat(five.isEmpty()).isTrue();
    }

    /** As Binance does: its 5m kline of 2019-10-11 00:50 opens at the first trade, not at the flat first minute. */
    @Test
    void leadingFlatMinutesDoNotSetOpenHighOrLow() {
        RollupCandle five = new RollupCandle("5m", 5 * MINUTE);
        List<Candle> out = feed(five, flat(0, "0.00141610"), traded(1, "0.00141609", "0.00141609", "0.00141500", "0.00141511", "983", 1, 4),
                flat(2, "0.00141511"), flat(3, "0.00141511"), flat(4, "0.00141511"));

        Candle candle = out.get(0);
        assertThat(candle.getOpen()).isEqualByComparingTo("0.00141609");
        assertThat(candle.getHigh()).isEqualByComparingTo("0.00141609");
        assertThat(candle.getLow()).isEqualByComparingTo("0.00141500");
        assertThat(candle.getClose()).isEqualByComparingTo("0.00141511");
        assertThat(candle.getVolume()).isEqualByComparingTo("983");
        assertThat(candle.getFilled()).isFalse();
    }

    @Test
    void aWindowOfFlatMinutesIsFlatAndFilled() {
        RollupCandle five = new RollupCandle("5m", 5 * MINUTE);
        List<Candle> out = feed(five, flat(5, "7"), flat(6, "7"), flat(7, "7"), flat(8, "7"), flat(9, "7"));

        assertThat(out).singleElement().satisfies(candle -> {
            assertThat(candle.getFilled()).isTrue();
            assertThat(List.of(candle.getOpen(), candle.getHigh(), candle.getLow(), candle.getClose()))
                    .allSatisfy(price -> assertThat(price).isEqualByComparingTo("7"));
            assertThat(candle.getVolume()).isEqualByComparingTo("0");
            assertThat(candle.getFirstTradeId()).isEqualTo(-1);
            assertThat(candle.getLastTradeId()).isEqualTo(-1);
            assertThat(candle.getOpenTime().toEpochMilli()).isEqualTo(OPEN + 5 * MINUTE);
        });
    }

    @Test
    void aSymbolStartingMidWindowGetsAWindowOfItsTradedMinutesOnly() {
        RollupCandle five = new RollupCandle("5m", 5 * MINUTE);
        List<Candle> out = feed(five, traded(3, "5", "6", "4", "5", "1", 1, 4), traded(4, "5", "5", "5", "5", "1", 5, 8));
        assertThat(out).singleElement().satisfies(candle -> assertThat(candle.getOpenTime().toEpochMilli()).isEqualTo(OPEN));
    }

    @Test
    void aMissingLastMinuteStillHandsTheWindowOnWhenTheNextOneStarts() {
        RollupCandle five = new RollupCandle("5m", 5 * MINUTE);
        List<Candle> out = feed(five, traded(0, "5", "6", "4", "5", "1", 1, 4), traded(5, "7", "7", "7", "7", "1", 5, 8));
        assertThat(out).extracting(candle -> candle.getOpenTime().toEpochMilli()).containsExactly(OPEN);
        assertThat(five.openTime).isEqualTo(OPEN + 5 * MINUTE);
    }
}
