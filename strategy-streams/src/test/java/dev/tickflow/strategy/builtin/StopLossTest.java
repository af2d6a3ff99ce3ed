package dev.tickflow.strategy.builtin;

import static dev.tickflow.strategy.Bars.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.strategy.Bars;
import dev.tickflow.strategy.api.Bar;
import dev.tickflow.strategy.api.Decision;
import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.api.StrategyParameters;
import dev.tickflow.strategy.builtin.StopLoss.Trigger;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopLossTest {

    private final StopLoss fifteenPercent = new StopLoss(new BigDecimal("0.15"));
    private final StopLoss onTheClose = new StopLoss(new BigDecimal("0.15"), Trigger.CLOSE);
    private final LongPosition enteredAt100 = LongPosition.enteredAt(price("100"));

    private static Bar bar(String open, String low, String close) {
        return new Bar(Bars.SYMBOL, Bars.START, Bars.START + Bars.MINUTE - 1, price(open), price(open).max(price(close)), price(low), price(close),
                price("1"), false);
    }

    private static Decision stoppedAt(String price) {
        return new Decision(Decision.Target.FLAT, Decision.Reason.STOP_LOSS, new BigDecimal(price).setScale(16));
    }

    @Test
    void triggersWhenTheLowIsAtOrBelowEntryTimesOneMinusTheFraction() {
        assertThat(fifteenPercent.trigger()).isEqualTo(Trigger.LOW);
        assertThat(fifteenPercent.price(enteredAt100)).isEqualTo(new BigDecimal("85.0000000000000000"));
        assertThat(fifteenPercent.isHit(enteredAt100, bar("90", "85.00000001", "90"))).isFalse();
        assertThat(fifteenPercent.isHit(enteredAt100, bar("90", "85", "90"))).as("traded through and recovered").isTrue();
        assertThat(fifteenPercent.isHit(enteredAt100, bar("90", "70", "80"))).isTrue();
    }

    @Test
    void onTheCloseOnlyAClosingPriceAtOrBelowTheStopTriggers() {
        assertThat(onTheClose.isHit(enteredAt100, bar("90", "70", "85.00000001"))).isFalse();
        assertThat(onTheClose.isHit(enteredAt100, bar("90", "70", "85"))).isTrue();
    }

    @Test
    void exitsAtTheStopPriceOrAtTheOpenOfACandleThatGappedBelowIt() {
        assertThat(fifteenPercent.exitIfHit(enteredAt100, bar("90", "85.00000001", "90"))).isEmpty();
        assertThat(fifteenPercent.exitIfHit(enteredAt100, bar("90", "80", "95"))).contains(stoppedAt("85"));
        assertThat(fifteenPercent.exitIfHit(enteredAt100, bar("85", "80", "95"))).as("opened at the stop").contains(stoppedAt("85"));
        assertThat(fifteenPercent.exitIfHit(enteredAt100, bar("82.5", "80", "95"))).as("a gap: nothing traded at 85").contains(stoppedAt("82.5"));
        assertThat(onTheClose.exitIfHit(enteredAt100, bar("82.5", "80", "84"))).as("the rule before: the stop").contains(stoppedAt("85"));
        assertThat(fifteenPercent.exitIfHit(LongPosition.FLAT, bar("1", "1", "1"))).isEmpty();
    }

    @Test
    void neverTriggersWhenFlat() {
        assertThat(fifteenPercent.isHit(LongPosition.FLAT, bar("0.00000001", "0.00000001", "0.00000001"))).isFalse();
        assertThat(fifteenPercent.price(LongPosition.FLAT)).isNull();
    }

    @Test
    void isAFractionBetweenZeroAndOne() {
        assertThatThrownBy(() -> new StopLoss(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StopLoss(BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsItsTwoSettingsAndNamesTheKeyOfABadOne() {
        assertThat(StopLoss.from(parameters(Map.of("stop-loss", "0.1")))).contains(new StopLoss(new BigDecimal("0.1"), Trigger.LOW));
        assertThat(StopLoss.from(parameters(Map.of("stop-loss", "0.1", "stop-trigger", "CLOSE"))))
                .contains(new StopLoss(new BigDecimal("0.1"), Trigger.CLOSE));
        assertThat(StopLoss.from(parameters(Map.of()))).isEqualTo(Optional.empty());
        assertThat(new StopLoss(new BigDecimal("0.10"), Trigger.CLOSE).describe()).isEqualTo("stop-loss=0.10, stop-trigger=close");

        assertThatThrownBy(() -> StopLoss.from(parameters(Map.of("stop-loss", "0.1", "stop-trigger", "high"))))
                .isInstanceOf(InvalidStrategyConfigException.class)
                .hasMessageContaining("strategy.A.stop-trigger").hasMessageContaining("'high'").hasMessageContaining("[low, close]");
        assertThatThrownBy(() -> StopLoss.from(parameters(Map.of("stop-trigger", "close"))))
                .isInstanceOf(InvalidStrategyConfigException.class)
                .hasMessageContaining("strategy.A.stop-trigger").hasMessageContaining("strategy.A.stop-loss too");
    }

    private static StrategyParameters parameters(Map<String, String> values) {
        return new StrategyParameters("A", "strategy.A.", values);
    }
}
