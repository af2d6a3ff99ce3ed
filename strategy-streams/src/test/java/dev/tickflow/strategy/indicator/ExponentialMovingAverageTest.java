package dev.tickflow.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExponentialMovingAverageTest {

    @Test
    void isSeededWithTheSmaOfItsFirstPeriodValues() {
        ExponentialMovingAverage ema = ExponentialMovingAverage.of(3).add(new BigDecimal("1")).add(new BigDecimal("2"));
        assertThat(ema.value()).isEmpty();

        ema = ema.add(new BigDecimal("4"));

        assertThat(ema.value()).contains(new BigDecimal("2.3333333333333333"));
    }

    @Test
    void thenMovesByAlphaTwoOverPeriodPlusOne() {
        ExponentialMovingAverage ema = ExponentialMovingAverage.of(3);
        for (String close : new String[] {"2", "4", "6"}) {
            ema = ema.add(new BigDecimal(close));
        }
        assertThat(ema.value()).contains(new BigDecimal("4.0000000000000000"));

        // alpha = 2/4: 4 + 0.5 * (10 - 4)
        assertThat(ema.add(new BigDecimal("10")).value()).contains(new BigDecimal("7.0000000000000000"));
    }

    @Test
    void roundsEachStepFromTheRoundedPreviousValue() {
        // period 2: alpha = 2/3; seed 1, then (2 * 0 + 1 * 1) / 3
        ExponentialMovingAverage ema = ExponentialMovingAverage.of(2).add(BigDecimal.ONE).add(BigDecimal.ONE).add(BigDecimal.ZERO);
        assertThat(ema.value()).contains(new BigDecimal("0.3333333333333333"));
        // (2 * 1 + 0.3333333333333333) / 3 = 0.7777777777777777666..., rounded
        assertThat(ema.add(BigDecimal.ONE).value()).contains(new BigDecimal("0.7777777777777778"));
    }

    @Test
    void aPeriodOfOneFollowsTheValues() {
        ExponentialMovingAverage ema = ExponentialMovingAverage.of(1).add(new BigDecimal("5")).add(new BigDecimal("7.5"));
        assertThat(ema.value()).contains(new BigDecimal("7.5000000000000000"));
    }

    @Test
    void restoresWhileWarmingUpAndWhenReady() {
        ExponentialMovingAverage warming = ExponentialMovingAverage.of(3).add(BigDecimal.ONE);
        ExponentialMovingAverage restoredWarming = ExponentialMovingAverage.restore(3, warming.seen(), warming.seedSum(), null);
        assertThat(restoredWarming).isEqualTo(warming);

        ExponentialMovingAverage ready = warming.add(BigDecimal.TEN).add(BigDecimal.ONE);
        ExponentialMovingAverage restoredReady = ExponentialMovingAverage.restore(3, ready.seen(), ready.seedSum(), ready.value().orElseThrow());
        assertThat(restoredReady.add(BigDecimal.TEN)).isEqualTo(ready.add(BigDecimal.TEN));
    }
}
