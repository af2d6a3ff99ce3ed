package dev.tickflow.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

/**
 * Our indicators against ta4j's on the same closes (a seeded random walk of 8-decimal prices).
 *
 * <p>ta4j's EMA is seeded with the first close and computes with 32 significant digits; ours is seeded with the SMA
 * of the first N closes and rounds each step to 16 decimals. The recursions are the same, so the EMA is compared on a
 * second series that starts with our seed (the SMA of the first N closes, taken from ta4j's SMAIndicator) followed by
 * the closes after the first N: from there both definitions agree, up to rounding (at most a few 1e-16 here).
 */
class IndicatorsAgainstTa4jTest {

    private static final BigDecimal EMA_TOLERANCE = new BigDecimal("1e-13");

    private static List<BigDecimal> randomWalk(long seed, int count) {
        Random random = new Random(seed);
        List<BigDecimal> closes = new ArrayList<>();
        long price = 9_725_012_345_678L;
        for (int i = 0; i < count; i++) {
            price += (long) (random.nextGaussian() * 5_000_000_000L);
            closes.add(BigDecimal.valueOf(Math.max(price, 1), 8));
        }
        return closes;
    }

    private static BarSeries series(List<BigDecimal> closes) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).build();
        ZonedDateTime time = ZonedDateTime.of(2026, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC);
        for (BigDecimal close : closes) {
            time = time.plusMinutes(1);
            Num price = series.numOf(close);
            series.addBar(time, price, price, price, price, series.numOf(1));
        }
        return series;
    }

    private static BigDecimal decimal(Num num) {
        return new BigDecimal(num.toString());
    }

    @ParameterizedTest
    @CsvSource({"10, 1", "5, 2", "7, 3", "1, 4", "30, 5"})
    void smaEqualsTa4jRoundedToSixteenDecimals(int period, long seed) {
        List<BigDecimal> closes = randomWalk(seed, 300);
        SMAIndicator reference = new SMAIndicator(new ClosePriceIndicator(series(closes)), period);

        SimpleMovingAverage sma = SimpleMovingAverage.of(period);
        for (int i = 0; i < closes.size(); i++) {
            sma = sma.add(closes.get(i));
            if (i < period - 1) {
                assertThat(sma.value()).isEmpty();
            } else {
                assertThat(sma.value()).as("SMA(%d) at %d", period, i).contains(IndicatorDecimals.round(decimal(reference.getValue(i))));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"5, 1", "10, 2", "3, 3", "1, 4", "26, 5"})
    void emaFollowsTa4jsRecursionFromTheSmaSeed(int period, long seed) {
        List<BigDecimal> closes = randomWalk(seed, 300);
        Num seedValue = new SMAIndicator(new ClosePriceIndicator(series(closes)), period).getValue(period - 1);
        List<BigDecimal> seeded = new ArrayList<>();
        seeded.add(decimal(seedValue));
        seeded.addAll(closes.subList(period, closes.size()));
        EMAIndicator reference = new EMAIndicator(new ClosePriceIndicator(series(seeded)), period);

        ExponentialMovingAverage ema = ExponentialMovingAverage.of(period);
        for (int i = 0; i < closes.size(); i++) {
            ema = ema.add(closes.get(i));
            if (i < period - 1) {
                assertThat(ema.value()).isEmpty();
                continue;
            }
            BigDecimal expected = decimal(reference.getValue(i - (period - 1)));
            BigDecimal actual = ema.value().orElseThrow();
            assertThat(actual.subtract(expected).abs()).as("EMA(%d) at %d: %s vs ta4j %s", period, i, actual, expected)
                    .isLessThanOrEqualTo(EMA_TOLERANCE);
            assertThat(actual.scale()).isEqualTo(IndicatorDecimals.SCALE);
        }
    }

    @ParameterizedTest
    @CsvSource({"20, 6", "10, 7", "1, 8"})
    void highestAndLowestEqualTa4j(int period, long seed) {
        List<BigDecimal> closes = randomWalk(seed, 200);
        ClosePriceIndicator close = new ClosePriceIndicator(series(closes));
        HighestValueIndicator highestReference = new HighestValueIndicator(close, period);
        LowestValueIndicator lowestReference = new LowestValueIndicator(close, period);

        RollingExtreme highest = RollingExtreme.highest(period);
        RollingExtreme lowest = RollingExtreme.lowest(period);
        for (int i = 0; i < closes.size(); i++) {
            highest = highest.add(closes.get(i));
            lowest = lowest.add(closes.get(i));
            if (i >= period - 1) {
                assertThat(highest.value().orElseThrow()).isEqualByComparingTo(decimal(highestReference.getValue(i)));
                assertThat(lowest.value().orElseThrow()).isEqualByComparingTo(decimal(lowestReference.getValue(i)));
            }
        }
    }
}
