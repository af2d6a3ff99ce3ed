package dev.tickflow.strategy.builtin;

import static dev.tickflow.strategy.Bars.price;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Execution;
import dev.tickflow.strategy.api.Execution.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LongPositionTest {

    private static Execution fill(Side side, String price, String quantity) {
        return new Execution("order", side, price(price), price(quantity), 0);
    }

    @Test
    void theEntryPriceIsTheSignalCloseUntilFillsArrive() {
        assertThat(LongPosition.enteredAt(price("104")).entryPrice()).isEqualTo(price("104"));
        assertThat(LongPosition.FLAT.entryPrice()).isNull();
    }

    @Test
    void thenTheQuantityWeightedAverageOfTheBuyFills() {
        LongPosition position = LongPosition.enteredAt(price("104"))
                .onFill(fill(Side.BUY, "100", "0.003"))
                .onFill(fill(Side.BUY, "101", "0.001"));

        assertThat(position.entryPrice()).isEqualTo(new BigDecimal("100.2500000000000000"));
    }

    @Test
    void theStopIsDecidedOnTheExactAverageNotTheRoundedOne() {
        LongPosition position = LongPosition.enteredAt(price("1"))
                .onFill(fill(Side.BUY, "1", "1"))
                .onFill(fill(Side.BUY, "1", "1"))
                .onFill(fill(Side.BUY, "2", "1"));
        StopLoss quarter = new StopLoss(new BigDecimal("0.25"));

        assertThat(position.entryPrice()).isEqualTo(new BigDecimal("1.3333333333333333"));
        // exactly 4/3 x 0.75 = 1, so a low of 1 is at the stop; the rounded average x 0.75 would be just below 1
        assertThat(quarter.isHit(position, Bars.bar(0, "1"))).isTrue();
        assertThat(quarter.price(position)).isEqualTo(new BigDecimal("1.0000000000000000"));
    }

    @Test
    void ignoresSellFillsAndFillsWhileFlat() {
        LongPosition position = LongPosition.enteredAt(price("104")).onFill(fill(Side.SELL, "90", "1"));
        assertThat(position.hasFills()).isFalse();
        assertThat(LongPosition.FLAT.onFill(fill(Side.BUY, "90", "1"))).isEqualTo(LongPosition.FLAT);
    }
}
