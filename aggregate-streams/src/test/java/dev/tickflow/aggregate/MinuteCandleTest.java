package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Candle;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinuteCandleTest {
    private static final long OPEN = 1_570_752_000_000L;

    private static BigDecimal d(String value) {
        return new BigDecimal(value).setScale(8);
    }

    @Test
    void openAndCloseFollowTradeTimeThenTradeIdWhateverTheArrivalOrder() {
        MinuteCandle minute = new MinuteCandle(OPEN);
        minute.add(OPEN + 500, 12, d("3"), d("1"), 1, true);
        minute.add(OPEN + 100, 11, d("2"), d("1"), 1, true);
        minute.add(OPEN + 100, 10, d("1"), d("1"), 1, true);
        minute.add(OPEN + 500, 13, d("4"), d("1"), 1, true);
        minute.add(OPEN + 300, 14, d("9"), d("1"), 1, true);

        Candle candle = minute.toCandle("binance", "XRPETH");
        assertThat(candle.getOpen()).isEqualByComparingTo("1");
        assertThat(candle.getClose()).isEqualByComparingTo("4");
        assertThat(candle.getHigh()).isEqualByComparingTo("9");
        assertThat(candle.getLow()).isEqualByComparingTo("1");
        assertThat(candle.getFirstTradeId()).isEqualTo(10);
        assertThat(candle.getLastTradeId()).isEqualTo(14);
    }

    @Test
    void sumsAreExactAtTheSchemasScales() {
        MinuteCandle minute = new MinuteCandle(OPEN);
        minute.add(OPEN, 1, d("0.00141342"), d("23"), 1, true);
        minute.add(OPEN + 1, 2, d("0.00141266"), d("54.5"), 3, false);
        minute.add(OPEN + 2, 3, d("0.00000001"), d("0.00000001"), 2, false);

        Candle candle = minute.toCandle("binance", "XRPETH");
        assertThat(candle.getVolume()).isEqualTo(new BigDecimal("77.50000001"));
        assertThat(candle.getQuoteVolume()).isEqualTo(new BigDecimal("0.1094986300000001"));
        assertThat(candle.getTakerBuyVolume()).isEqualTo(new BigDecimal("54.50000001"));
        assertThat(candle.getTakerBuyQuoteVolume()).isEqualTo(new BigDecimal("0.0769899700000001"));
        assertThat(candle.getTradeCount()).isEqualTo(6);
        assertThat(candle.getOpenTime()).isEqualTo(Instant.ofEpochMilli(OPEN));
        assertThat(candle.getCloseTime()).isEqualTo(Instant.ofEpochMilli(OPEN + 59_999));
        assertThat(candle.getFilled()).isFalse();
        assertThat(candle.getInterval()).isEqualTo("1m");
    }

    @Test
    void aFlatCandleSitsAtThePreviousCloseWithNothingTraded() {
        Candle flat = MinuteCandle.flat("binance", "XRPETH", OPEN, d("0.00141610"));
        assertThat(flat.getOpen()).isEqualTo(d("0.00141610"));
        assertThat(flat.getHigh()).isEqualTo(d("0.00141610"));
        assertThat(flat.getLow()).isEqualTo(d("0.00141610"));
        assertThat(flat.getClose()).isEqualTo(d("0.00141610"));
        assertThat(flat.getVolume()).isEqualTo(d("0"));
        assertThat(flat.getQuoteVolume().scale()).isEqualTo(16);
        assertThat(flat.getTradeCount()).isZero();
        assertThat(flat.getFirstTradeId()).isEqualTo(-1);
        assertThat(flat.getLastTradeId()).isEqualTo(-1);
        assertThat(flat.getFilled()).isTrue();
    }

    @Test
    void minutesAreUtcAlignedAlsoBeforeTheEpoch() {
        assertThat(MinuteCandle.openTimeOf(OPEN + 59_999)).isEqualTo(OPEN);
        assertThat(MinuteCandle.openTimeOf(OPEN + 60_000)).isEqualTo(OPEN + 60_000);
        assertThat(MinuteCandle.openTimeOf(-1)).isEqualTo(-60_000);
    }
}
