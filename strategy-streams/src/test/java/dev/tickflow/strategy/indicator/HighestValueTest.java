package dev.tickflow.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HighestValueTest {

    @Test
    void isTheHighestOfTheLastPeriodValues() {
        HighestValue highest = HighestValue.of(3).add(new BigDecimal("5")).add(new BigDecimal("9"));
        assertThat(highest.value()).isEmpty();

        highest = highest.add(new BigDecimal("7"));
        assertThat(highest.value()).contains(new BigDecimal("9"));

        highest = highest.add(new BigDecimal("1")).add(new BigDecimal("2"));
        assertThat(highest.value()).contains(new BigDecimal("7"));
    }

    @Test
    void restoresFromItsValues() {
        HighestValue highest = HighestValue.of(2).add(BigDecimal.ONE).add(BigDecimal.TEN);
        assertThat(HighestValue.restore(2, highest.values())).isEqualTo(highest);
    }
}
