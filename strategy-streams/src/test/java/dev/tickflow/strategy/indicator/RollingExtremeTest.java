package dev.tickflow.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RollingExtremeTest {

    @Test
    void isTheHighestOfTheLastPeriodValues() {
        RollingExtreme highest = RollingExtreme.highest(3).add(new BigDecimal("5")).add(new BigDecimal("9"));
        assertThat(highest.value()).isEmpty();

        highest = highest.add(new BigDecimal("7"));
        assertThat(highest.value()).contains(new BigDecimal("9"));

        highest = highest.add(new BigDecimal("1")).add(new BigDecimal("2"));
        assertThat(highest.value()).contains(new BigDecimal("7"));
    }

    @Test
    void highestRestoresFromItsValues() {
        RollingExtreme highest = RollingExtreme.highest(2).add(BigDecimal.ONE).add(BigDecimal.TEN);
        assertThat(RollingExtreme.restore(RollingExtreme.Kind.HIGHEST, 2, highest.values())).isEqualTo(highest);
    }

    @Test
    void lowestIsTheLowestOfTheLastPeriodValues() {
        RollingExtreme lowest = RollingExtreme.lowest(3).add(new BigDecimal("5")).add(new BigDecimal("1"));
        assertThat(lowest.value()).isEmpty();

        lowest = lowest.add(new BigDecimal("7"));
        assertThat(lowest.value()).contains(new BigDecimal("1"));

        lowest = lowest.add(new BigDecimal("8")).add(new BigDecimal("9"));
        assertThat(lowest.value()).contains(new BigDecimal("7"));
    }

    @Test
    void lowestRestoresFromItsValues() {
        RollingExtreme lowest = RollingExtreme.lowest(2).add(BigDecimal.ONE).add(BigDecimal.TEN);
        assertThat(RollingExtreme.restore(RollingExtreme.Kind.LOWEST, 2, lowest.values())).isEqualTo(lowest);
    }
}
