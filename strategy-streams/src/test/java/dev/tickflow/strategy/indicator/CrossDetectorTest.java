package dev.tickflow.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.strategy.indicator.CrossDetector.Cross;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossDetectorTest {

    /** Crosses seen for a sequence of differences fast - slow. */
    private static List<Cross> crosses(int... differences) {
        CrossDetector detector = CrossDetector.INITIAL;
        List<Cross> crosses = new ArrayList<>();
        for (int difference : differences) {
            CrossDetector.Observation observation = detector.observe(BigDecimal.valueOf(difference), BigDecimal.ZERO);
            detector = observation.detector();
            crosses.add(observation.cross());
        }
        return crosses;
    }

    @Test
    void theFirstSideIsNoCross() {
        assertThat(crosses(1)).containsExactly(Cross.NONE);
        assertThat(crosses(-1)).containsExactly(Cross.NONE);
    }

    @Test
    void aChangeOfSignIsACross() {
        assertThat(crosses(-1, 1, -2)).containsExactly(Cross.NONE, Cross.UP, Cross.DOWN);
    }

    @Test
    void equalityIsNotACrossAndKeepsThePreviousSide() {
        assertThat(crosses(1, 0, 1)).containsExactly(Cross.NONE, Cross.NONE, Cross.NONE);
        assertThat(crosses(-1, 0, -1)).containsExactly(Cross.NONE, Cross.NONE, Cross.NONE);
        assertThat(crosses(-1, 0, 0, 1)).containsExactly(Cross.NONE, Cross.NONE, Cross.NONE, Cross.UP);
        assertThat(crosses(1, 0, -1)).containsExactly(Cross.NONE, Cross.NONE, Cross.DOWN);
    }

    @Test
    void equalityBeforeAnySideEstablishesNothing() {
        assertThat(crosses(0, 0, 1, -1)).containsExactly(Cross.NONE, Cross.NONE, Cross.NONE, Cross.DOWN);
    }

    @Test
    void comparesByValueNotScale() {
        CrossDetector above = new CrossDetector(CrossDetector.Side.ABOVE);
        CrossDetector.Observation observation = above.observe(new BigDecimal("1.0"), new BigDecimal("1.0000000000000000"));
        assertThat(observation.cross()).isEqualTo(Cross.NONE);
        assertThat(observation.detector().side()).isEqualTo(CrossDetector.Side.ABOVE);
    }
}
