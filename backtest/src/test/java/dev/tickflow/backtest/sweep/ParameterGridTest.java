package dev.tickflow.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterGridTest {

    @Test
    void everyCombinationFirstParameterSlowest() {
        ParameterGrid grid = new ParameterGrid(List.of(SweepParameter.parse("sma=10,20"), SweepParameter.parse("ema=3:7:2"),
                SweepParameter.parse("stop-loss=0.1")));

        assertThat(grid.size()).isEqualTo(6);
        assertThat(grid.sets()).extracting(ParameterSet::label).containsExactly(
                "sma=10 ema=3 stop-loss=0.1", "sma=10 ema=5 stop-loss=0.1", "sma=10 ema=7 stop-loss=0.1",
                "sma=20 ema=3 stop-loss=0.1", "sma=20 ema=5 stop-loss=0.1", "sma=20 ema=7 stop-loss=0.1");
        assertThat(grid.sets()).extracting(ParameterSet::index).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        assertThatThrownBy(() -> new ParameterGrid(List.of(SweepParameter.parse("sma=10"), SweepParameter.parse("sma=20"))))
                .hasMessageContaining("--sweep sma is given twice");
    }

    @Test
    void anUnsweptHeatMapParameterIsNamed() {
        ParameterGrid grid = new ParameterGrid(List.of(SweepParameter.parse("sma=10,20")));

        assertThatThrownBy(() -> grid.parameter("ema")).hasMessageContaining("ema is not swept; the swept parameters are [sma]");
    }
}
