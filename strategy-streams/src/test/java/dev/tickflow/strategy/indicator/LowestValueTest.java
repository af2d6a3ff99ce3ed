package dev.tickflow.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LowestValueTest {

    @Test
    void isTheLowestOfTheLastPeriodValues() {
        LowestValue lowest = LowestValue.of(3).add(new BigDecimal("5")).add(new BigDecimal("1"));
        assertThat(lowest.value()).isEmpty();

        lowest = lowest.add(new BigDecimal("7"));
        assertThat(lowest.value()).contains(new BigDecimal("1"));

        lowest = lowest.add(new BigDecimal("8")).add(new BigDecimal("9"));
        assertThat(lowest.value()).contains(new BigDecimal("7"));
    }

    @Test
    void restoresFromItsValues() {
        LowestValue lowest = LowestValue.of(2).add(BigDecimal.ONE).add(BigDecimal.TEN);
        assertThat(LowestValue.restore(2, lowest.values())).isEqualTo(lowest);
    }
}
