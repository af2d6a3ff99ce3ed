package dev.tickflow.backtest.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepParameterTest {

    @Test
    void integerRangeIncludesBothEnds() {
        assertThat(SweepParameter.parse("sma=5:30:5")).isEqualTo(new SweepParameter("sma", List.of("5", "10", "15", "20", "25", "30")));
    }

    @Test
    void rangeStopsAtTheLastStepNotAboveTheEnd() {
        assertThat(SweepParameter.parse("ema=3:15:5").values()).containsExactly("3", "8", "13");
    }

    @Test
    void decimalStepsAreExact() {
        assertThat(SweepParameter.parse("stop-loss=0.05:0.15:0.05").values()).containsExactly("0.05", "0.10", "0.15");
        // in binary floating point 0.1 + 0.2 > 0.3, which would drop the last value
        assertThat(SweepParameter.parse("stop-loss=0.1:0.3:0.1").values()).containsExactly("0.1", "0.2", "0.3");
        assertThat(SweepParameter.parse("stop-loss=0.01:0.02:0.0025").values()).containsExactly("0.0100", "0.0125", "0.0150", "0.0175", "0.0200");
    }

    @Test
    void singleValueRange() {
        assertThat(SweepParameter.parse("sma=7:7:1").values()).containsExactly("7");
    }

    @Test
    void listIsTakenAsWritten() {
        assertThat(SweepParameter.parse("stop-trigger=low,close").values()).as("words too").containsExactly("low", "close");
        assertThat(SweepParameter.parse(" stop-loss = 0.05, 0.10 ,0.15")).isEqualTo(new SweepParameter("stop-loss", List.of("0.05", "0.10", "0.15")));
        assertThat(SweepParameter.parse("sma=20").values()).containsExactly("20");
    }

    @Test
    void errorsNameTheParameterAndTheAcceptedForms() {
        assertThatThrownBy(() -> SweepParameter.parse("5:30:5")).hasMessageContaining("no parameter name").hasMessageContaining("NAME=FROM:TO:STEP");
        assertThatThrownBy(() -> SweepParameter.parse("sma=")).hasMessageContaining("no values for sma").hasMessageContaining("NAME=V1,V2");
        assertThatThrownBy(() -> SweepParameter.parse("sma=5:30")).hasMessageContaining("a range of sma needs FROM:TO:STEP");
        assertThatThrownBy(() -> SweepParameter.parse("sma=5:x:5")).hasMessageContaining("TO of sma is not a number: 'x'");
        assertThatThrownBy(() -> SweepParameter.parse("sma=5:30:0")).hasMessageContaining("the STEP of sma must be positive, not 0");
        assertThatThrownBy(() -> SweepParameter.parse("sma=30:5:5")).hasMessageContaining("FROM 30 is above TO 5 for sma");
        assertThatThrownBy(() -> SweepParameter.parse("ema=3,,5")).hasMessageContaining("an empty value in the list of ema");
        assertThatThrownBy(() -> SweepParameter.parse("ema=3,5,3")).hasMessageContaining("ema lists 3 twice");
        assertThatThrownBy(() -> SweepParameter.parse("sma=1:1000000:1")).hasMessageContaining("more than 10000 values").hasMessageContaining("larger STEP");
    }
}
