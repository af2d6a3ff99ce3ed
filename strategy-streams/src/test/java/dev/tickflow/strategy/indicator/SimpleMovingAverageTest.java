package dev.tickflow.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SimpleMovingAverageTest {

    @Test
    void hasNoValueUntilPeriodValuesWereAdded() {
        SimpleMovingAverage sma = SimpleMovingAverage.of(3).add(new BigDecimal("1")).add(new BigDecimal("2"));

        assertThat(sma.isReady()).isFalse();
        assertThat(sma.value()).isEmpty();
        assertThat(sma.add(new BigDecimal("3")).value()).contains(new BigDecimal("2.0000000000000000"));
    }

    @Test
    void isTheMeanOfTheLastPeriodValues() {
        SimpleMovingAverage sma = SimpleMovingAverage.of(3);
        for (String close : new String[] {"1", "2", "3", "4", "10"}) {
            sma = sma.add(new BigDecimal(close));
        }

        assertThat(sma.values()).containsExactly(new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("10"));
        assertThat(sma.value()).contains(new BigDecimal("5.6666666666666667"));
    }

    @Test
    void roundsTheQuotientOnceHalfEvenToSixteenDecimals() {
        SimpleMovingAverage sma = SimpleMovingAverage.of(2).add(new BigDecimal("0.00000001")).add(new BigDecimal("0"));
        assertThat(sma.value()).contains(new BigDecimal("0.0000000050000000"));

        SimpleMovingAverage tie = SimpleMovingAverage.of(2).add(new BigDecimal("0.0000000000000001")).add(new BigDecimal("0"));
        assertThat(tie.value()).contains(new BigDecimal("0.0000000000000000"));
        SimpleMovingAverage tieUp = SimpleMovingAverage.of(2).add(new BigDecimal("0.0000000000000003")).add(new BigDecimal("0"));
        assertThat(tieUp.value()).contains(new BigDecimal("0.0000000000000002"));
    }

    @Test
    void restoresFromItsWindow() {
        SimpleMovingAverage sma = SimpleMovingAverage.of(3).add(BigDecimal.ONE).add(BigDecimal.TEN);

        SimpleMovingAverage restored = SimpleMovingAverage.restore(3, sma.values());

        assertThat(restored).isEqualTo(sma);
        assertThat(restored.add(BigDecimal.ONE).value()).isEqualTo(sma.add(BigDecimal.ONE).value());
    }

    @Test
    void rejectsABadPeriodOrWindow() {
        assertThatThrownBy(() -> SimpleMovingAverage.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimpleMovingAverage.restore(1, java.util.List.of(BigDecimal.ONE, BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
