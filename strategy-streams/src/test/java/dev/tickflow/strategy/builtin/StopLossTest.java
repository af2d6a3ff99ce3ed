package dev.tickflow.strategy.builtin;

import static dev.tickflow.strategy.Bars.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.strategy.api.Decision;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StopLossTest {

    private final StopLoss fifteenPercent = new StopLoss(new BigDecimal("0.15"));

    @Test
    void triggersAtOrBelowEntryTimesOneMinusTheFraction() {
        LongPosition position = LongPosition.enteredAt(price("100"));

        assertThat(fifteenPercent.price(position)).isEqualTo(new BigDecimal("85.0000000000000000"));
        assertThat(fifteenPercent.isHit(position, price("85.00000001"))).isFalse();
        assertThat(fifteenPercent.isHit(position, price("85"))).isTrue();
        assertThat(fifteenPercent.isHit(position, price("70"))).isTrue();
    }

    @Test
    void exitsAtTheStopPriceWhenHit() {
        LongPosition position = LongPosition.enteredAt(price("100"));

        assertThat(fifteenPercent.exitIfHit(position, price("85.00000001"))).isEmpty();
        assertThat(fifteenPercent.exitIfHit(position, price("80"))).contains(
                new Decision(Decision.Target.FLAT, Decision.Reason.STOP_LOSS, new BigDecimal("85.0000000000000000")));
        assertThat(fifteenPercent.exitIfHit(LongPosition.FLAT, price("1"))).isEmpty();
    }

    @Test
    void neverTriggersWhenFlat() {
        assertThat(fifteenPercent.isHit(LongPosition.FLAT, price("0.00000001"))).isFalse();
        assertThat(fifteenPercent.price(LongPosition.FLAT)).isNull();
    }

    @Test
    void isAFractionBetweenZeroAndOne() {
        assertThatThrownBy(() -> new StopLoss(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StopLoss(BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
