package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Signal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The price path of the strategy service tests does what they need, by the reference's reading of the rules. */
class StrategyScriptTest {
    private final StrategyScript script = new StrategyScript(Instant.parse("2026-01-15T10:00:00Z"));

    @Test
    void crossesUpStopsBOnTheDropAndAOnTheWickInBtc() {
        List<Signal> signals = script.expected(StrategyScript.BTC, true).signals();
        assertThat(summary(signals)).containsExactly(
                "A LONG CROSS_UP 13", "B LONG CROSS_UP 13",
                "B FLAT STOP_LOSS 17",
                "A FLAT STOP_LOSS 20",
                "A LONG CROSS_UP 29", "B LONG CROSS_UP 29");
        // entry 61800; the wick's low 52200 is below A's stop, 85 % of it, its close 70800 is not: A exits at the stop
        assertThat(signals.get(3).getStopPrice()).isEqualByComparingTo("52530");
        assertThat(signals.get(3).getPrice()).isEqualByComparingTo("70800");
    }

    @Test
    void onTheCloseTheWickStopsNothingAndACrossDownEndsA() {
        Map<String, CrossoverReference.Stop> onClose = new LinkedHashMap<>();
        StrategyScript.STOP_LOSSES.forEach((instance, stop) -> onClose.put(instance, new CrossoverReference.Stop(stop.fraction(), false)));
        assertThat(summary(CrossoverReference.runAll(onClose, script.candles(StrategyScript.BTC), Map.of()).signals())).containsExactly(
                "A LONG CROSS_UP 13", "B LONG CROSS_UP 13",
                "B FLAT STOP_LOSS 17",
                "A FLAT CROSS_DOWN 22",
                "A LONG CROSS_UP 29", "B LONG CROSS_UP 29");
    }

    @Test
    void theFillsOfAInEthMoveItsStopSoItStopsToo() {
        List<Signal> signals = script.expected(StrategyScript.ETH, true).signals();
        assertThat(summary(signals)).containsExactly(
                "A LONG CROSS_UP 13", "B LONG CROSS_UP 13",
                "A FLAT STOP_LOSS 17", "B FLAT STOP_LOSS 17",
                "A LONG CROSS_UP 29", "B LONG CROSS_UP 29");
        // entry 3090, average fill price 0.4 x 3244.5 + 0.6 x 3306.3 = 3281.58, stop 85 % of it
        assertThat(signals.get(0).getStopPrice()).isEqualByComparingTo("2626.5");
        assertThat(signals.get(2).getStopPrice()).isEqualByComparingTo("2789.343");
        assertThat(signals.get(3).getStopPrice()).isEqualByComparingTo("2781");
        assertThat(summary(script.expected(StrategyScript.ETH, false).signals())).as("without the fills, like BTC")
                .isEqualTo(summary(script.expected(StrategyScript.BTC, false).signals()));
    }

    @Test
    void oneSnapshotPerCandleAndInstance() {
        assertThat(script.expected(StrategyScript.BTC, true).snapshots()).hasSize(2 * StrategyScript.length());
        assertThat(script.expected(StrategyScript.BTC, true).snapshots().get(0).getSma()).isNull();
        assertThat(script.expected(StrategyScript.BTC, true).snapshots().get(2 * 9).getSma()).isEqualByComparingTo(new BigDecimal("60000"));
    }

    private List<String> summary(List<Signal> signals) {
        return signals.stream().map(s -> s.getStrategyInstance() + " " + s.getTarget() + " " + s.getReason() + " "
                + Duration.between(script.start, s.getCandleOpenTime()).toMinutes()).toList();
    }
}
