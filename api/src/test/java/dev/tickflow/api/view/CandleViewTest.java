package dev.tickflow.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.SampleRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleViewTest {
    private static final Instant T0 = SampleRecords.OPEN_TIME;
    private final SeriesBudget unbounded = new SeriesBudget(Integer.MAX_VALUE);

    static Candle candle(String symbol, String interval, int minute, String close) {
        Instant open = T0.plusSeconds(60L * minute);
        return Candle.newBuilder(SampleRecords.candle()).setSymbol(symbol).setInterval(interval).setOpenTime(open)
                .setCloseTime(open.plusMillis(59_999)).setClose(new BigDecimal(close).setScale(8)).build();
    }

    private static List<Integer> minutes(List<Candle> candles) {
        return candles.stream().map(c -> (int) ((c.getOpenTime().toEpochMilli() - T0.toEpochMilli()) / 60_000)).toList();
    }

    @Test
    void keepsTheLastCapacityCandlesPerSymbolAndIntervalDroppingTheOldest() {
        CandleView view = new CandleView(3, unbounded);
        for (int minute = 0; minute < 5; minute++) {
            view.put(candle("BTCUSDT", "1m", minute, "100"));
        }
        view.put(candle("ETHUSDT", "1m", 0, "10"));
        view.put(candle("BTCUSDT", "5m", 0, "100"));

        assertThat(minutes(view.query("BTCUSDT", "1m", TimeRange.latest(100)))).containsExactly(2, 3, 4);
        assertThat(view.query("ETHUSDT", "1m", TimeRange.latest(100))).hasSize(1);
        assertThat(view.query("BTCUSDT", "5m", TimeRange.latest(100))).hasSize(1);
        assertThat(view.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void everySeriesKeepsAnEqualShareOfTheBudgetAsMoreSeriesAppearAndGivesBackTheCandlesItTook() {
        CandleView view = new CandleView(1_000, new SeriesBudget(12));
        for (int minute = 0; minute < 20; minute++) {
            view.put(candle("BTCUSDT", "1m", minute, "100"));
        }
        assertThat(minutes(view.query("BTCUSDT", "1m", TimeRange.latest(100)))).as("alone, the whole budget").hasSize(12).endsWith(19);

        for (String symbol : List.of("ETHUSDT", "SOLUSDT")) {
            for (int minute = 0; minute < 20; minute++) {
                view.put(candle(symbol, "1m", minute, "10"));
            }
        }
        view.put(candle("BTCUSDT", "1m", 20, "100.5"));

        assertThat(minutes(view.query("BTCUSDT", "1m", TimeRange.latest(100)))).containsExactly(17, 18, 19, 20);
        assertThat(minutes(view.query("SOLUSDT", "1m", TimeRange.latest(100)))).containsExactly(16, 17, 18, 19);
        assertThat(view.query("BTCUSDT", "1m", TimeRange.latest(1))).containsExactly(candle("BTCUSDT", "1m", 20, "100.5"));
    }

    @Test
    void aCandleOlderThanEverythingKeptDoesNotEvictNewerOnesWhenFull() {
        CandleView view = new CandleView(2, unbounded);
        view.put(candle("BTCUSDT", "1m", 5, "100"));
        view.put(candle("BTCUSDT", "1m", 6, "100"));
        view.put(candle("BTCUSDT", "1m", 1, "100"));

        assertThat(minutes(view.query("BTCUSDT", "1m", TimeRange.latest(10)))).containsExactly(5, 6);
    }

    @Test
    void aCandlePublishedAgainReplacesTheEarlierOne() {
        CandleView view = new CandleView(10, unbounded);
        view.put(candle("BTCUSDT", "1m", 0, "100"));
        view.put(candle("BTCUSDT", "1m", 0, "101.5"));

        List<Candle> candles = view.query("BTCUSDT", "1m", TimeRange.latest(10));
        assertThat(candles).singleElement().extracting(Candle::getClose).isEqualTo(new BigDecimal("101.50000000"));
    }

    @Test
    void rangeIsFromInclusiveToExclusiveAndLimitKeepsTheMostRecent() {
        CandleView view = new CandleView(100, unbounded);
        for (int minute = 0; minute < 10; minute++) {
            view.put(candle("BTCUSDT", "1m", minute, "100"));
        }
        TimeRange window = new TimeRange(T0.plusSeconds(120), T0.plusSeconds(360), 100);
        assertThat(minutes(view.query("BTCUSDT", "1m", window))).containsExactly(2, 3, 4, 5);
        assertThat(minutes(view.query("BTCUSDT", "1m", new TimeRange(T0.plusSeconds(120), T0.plusSeconds(360), 2)))).containsExactly(4, 5);
        assertThat(minutes(view.query("BTCUSDT", "1m", new TimeRange(T0.plusSeconds(480), null, 100)))).containsExactly(8, 9);
        assertThat(minutes(view.query("BTCUSDT", "1m", new TimeRange(null, T0.plusSeconds(60), 100)))).containsExactly(0);
        assertThat(view.query("SOLUSDT", "1m", window)).isEmpty();
    }

    @Test
    void latestIsTheNewestCandleOfTheIntervalPerSymbol() {
        CandleView view = new CandleView(10, unbounded);
        view.put(candle("ETHUSDT", "1m", 3, "10"));
        view.put(candle("BTCUSDT", "1m", 1, "100"));
        view.put(candle("BTCUSDT", "1m", 2, "102"));
        view.put(candle("BTCUSDT", "5m", 0, "99"));

        assertThat(view.latest("1m")).extracting(Candle::getSymbol, Candle::getClose).containsExactly(
                tuple("BTCUSDT", new BigDecimal("102.00000000")),
                tuple("ETHUSDT", new BigDecimal("10.00000000")));
        assertThat(view.latest("1h")).isEmpty();
    }

    @Test
    void rejectsAnEmptyRangeAndAZeroCapacity() {
        assertThatThrownBy(() -> new TimeRange(T0, T0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> new CandleView(0, unbounded)).isInstanceOf(IllegalArgumentException.class);
    }
}
