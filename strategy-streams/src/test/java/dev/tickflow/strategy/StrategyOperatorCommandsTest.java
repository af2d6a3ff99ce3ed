package dev.tickflow.strategy;

import static dev.tickflow.strategy.Bars.DIVERGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorAction;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.strategy.engine.StrategyInstances;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SET_PARAMETERS on control.operator, through the strategy topology: applied from the next candle, refused when invalid, decided once. */
class StrategyOperatorCommandsTest {

    private final Path stateDir = Path.of("target", "topology-test-state");

    private static OperatorCommand setParameters(String id, String instance, Map<String, String> parameters) {
        return OperatorCommand.newBuilder().setCommandId(id).setAction(OperatorAction.SET_PARAMETERS).setStrategyInstance(instance)
                .setParameters(parameters).setIssuedBy("test").setRequestedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    private static String[] candles(int from, int to) {
        return Arrays.copyOfRange(DIVERGING, from, to);
    }

    private static List<Object> signalsOf(List<Signal> signals, String instance) {
        return signals.stream().filter(s -> s.getStrategyInstance().equals(instance))
                .map(s -> tuple((int) ((s.getCandleOpenTime().toEpochMilli() - Bars.START) / Bars.MINUTE), s.getTarget(), s.getReason()))
                .map(Object.class::cast).toList();
    }

    @Test
    void aChangedStopLossTakesEffectFromTheNextCandleAndIsReportedOnce() {
        try (StrategyDriver driver = new StrategyDriver(StrategyInstances.defaults(), stateDir)) {
            driver.closes(0, candles(0, 14));
            List<Signal> before = driver.signals();
            assertThat(signalsOf(before, "B")).containsExactly(tuple(13, TargetPosition.LONG, SignalReason.CROSS_UP));
            assertThat(before.get(1).getStopPrice()).isEqualByComparingTo("93.6");

            // without the change B stops out at 17 (close 93 <= 93.6); with 50 % its stop is 52
            driver.command(setParameters("c-1", "B", Map.of("stop-loss", "0.5"))).reportOutcomes();
            driver.closes(14, candles(14, DIVERGING.length));

            assertThat(signalsOf(driver.signals(), "B")).containsExactly(tuple(21, TargetPosition.FLAT, SignalReason.CROSS_DOWN),
                    tuple(28, TargetPosition.LONG, SignalReason.CROSS_UP));
            List<OperationalEvent> events = driver.reportOutcomes().operationalEvents();
            assertThat(events).hasSize(1);
            OperationalEvent applied = events.get(0);
            assertThat(applied.getKind()).isEqualTo("COMMAND_APPLIED");
            assertThat(applied.getService()).isEqualTo("strategy");
            assertThat(applied.getEventId()).isEqualTo("strategy:c-1");
            assertThat(applied.getStrategyInstance()).isEqualTo("B");
            assertThat(applied.getDetails()).containsEntry("commandId", "c-1").containsEntry("parameter.stop-loss", "0.5");
            assertThat(applied.getMessage()).contains("stop-loss=0.5");
        }
    }

    @Test
    void aChangedStopTriggerTakesEffectFromTheNextCandle() {
        try (StrategyDriver driver = new StrategyDriver(StrategyInstances.defaults(), stateDir)) {
            driver.closes(0, candles(0, 17));
            driver.command(setParameters("c-5", "B", Map.of("stop-trigger", "close"))).reportOutcomes();
            // long from 13 at 104; B's stop of 93.6 is traded through (low 90) by a candle that closes at 150, A's (88.4) is not
            driver.candle(Candle.newBuilder(StrategyDriver.candle(Bars.SYMBOL, 17, "150", false))
                    .setOpen(Bars.price("160")).setHigh(Bars.price("160")).setLow(Bars.price("90")).build());

            assertThat(driver.signals().stream().filter(s -> s.getCandleOpenTime().toEpochMilli() == Bars.openTime(17))).isEmpty();
            List<OperationalEvent> events = driver.reportOutcomes().operationalEvents();
            assertThat(events).extracting(OperationalEvent::getKind).containsExactly("COMMAND_APPLIED");
            assertThat(events.get(0).getMessage()).contains("stop-loss=0.10, stop-trigger=close");
            assertThat(events.get(0).getDetails()).containsEntry("parameter.stop-trigger", "close");
        }
    }

    @Test
    void aChangedSmaLengthWarmsUpAgainFromTheChangeAndKeepsThePosition() {
        try (StrategyDriver driver = new StrategyDriver(StrategyInstances.defaults(), stateDir)) {
            driver.closes(0, candles(0, 14)).snapshots();
            driver.command(setParameters("c-2", "A", Map.of("sma", "3")));
            driver.closes(14, "120", "140", "160");

            List<IndicatorSnapshot> ofA = driver.snapshots().stream().filter(s -> s.getStrategyInstance().equals("A")).toList();
            assertThat(ofA).extracting(IndicatorSnapshot::getSma).containsExactly(null, null, new BigDecimal("140").setScale(16));
            // still long from the cross up at 13: a close of 93 hits A's 15 % stop only once SMA/EMA no longer matter
            driver.closes(17, "88");
            assertThat(signalsOf(driver.signals(), "A")).contains(tuple(17, TargetPosition.FLAT, SignalReason.STOP_LOSS));
        }
    }

    @Test
    void invalidChangesAreRefusedAndTheOldSettingsKept() {
        try (StrategyDriver driver = new StrategyDriver(StrategyInstances.defaults(), stateDir)) {
            driver.closes(0, candles(0, 14));
            driver.command(setParameters("bad-name", "B", Map.of("fast", "3")))
                    .command(setParameters("bad-value", "B", Map.of("stop-loss", "a lot")))
                    .command(setParameters("bad-range", "B", Map.of("sma", "0")))
                    .command(setParameters("bad-trigger", "B", Map.of("stop-trigger", "high")))
                    .command(setParameters("bad-instance", "Z", Map.of("sma", "3")))
                    .command(setParameters("nothing", "B", Map.of()))
                    .reportOutcomes();
            driver.closes(14, candles(14, 18));

            assertThat(signalsOf(driver.signals(), "B")).contains(tuple(17, TargetPosition.FLAT, SignalReason.STOP_LOSS));
            List<OperationalEvent> events = driver.operationalEvents();
            assertThat(events).extracting(OperationalEvent::getKind).containsOnly("COMMAND_REFUSED");
            assertThat(events).extracting(event -> event.getDetails().get("commandId"))
                    .containsExactly("bad-name", "bad-value", "bad-range", "bad-trigger", "bad-instance", "nothing");
            assertThat(events.get(0).getMessage()).contains("strategy.B.fast", "ema, sma, stop-loss, stop-trigger");
            assertThat(events.get(1).getMessage()).contains("'a lot'", "strategy.B.stop-loss");
            assertThat(events.get(3).getMessage()).contains("'high'", "strategy.B.stop-trigger", "[low, close]");
            assertThat(events.get(4).getMessage()).contains("'Z'", "[A, B]");
        }
    }

    @Test
    void aCommandIdIsDecidedOnceAndOtherActionsAreLeftToTheExecutor() {
        try (StrategyDriver driver = new StrategyDriver(StrategyInstances.defaults(), stateDir)) {
            driver.closes(0, candles(0, 14)).signals();
            driver.command(setParameters("c-3", "B", Map.of("stop-loss", "0.5")))
                    .command(setParameters("c-3", "B", Map.of("stop-loss", "0.01")))
                    .command(OperatorCommand.newBuilder(setParameters("c-4", "B", Map.of())).setAction(OperatorAction.PAUSE).build())
                    .reportOutcomes();
            driver.closes(14, candles(14, 18));

            assertThat(signalsOf(driver.signals(), "B")).isEmpty();
            assertThat(driver.operationalEvents()).extracting(OperationalEvent::getEventId).containsExactly("strategy:c-3");
            assertThat(driver.reportOutcomes().operationalEvents()).isEmpty();
        }
    }
}
