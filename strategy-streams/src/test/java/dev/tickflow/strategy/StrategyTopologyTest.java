package dev.tickflow.strategy;

import static dev.tickflow.strategy.Bars.DIVERGING;
import static dev.tickflow.strategy.Bars.WARM_UP_DIP_AND_RALLY;
import static dev.tickflow.strategy.Bars.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class StrategyTopologyTest {

    /** Under target rather than the OS temp directory, which Streams warns about; each driver uses its own sub-directory. */
    private final Path stateDir = Path.of("target", "topology-test-state");

    private StrategyDriver defaults() {
        return new StrategyDriver(StrategyInstances.defaults(), stateDir);
    }

    private static List<StrategyInstance> instances(String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return StrategyInstances.parse(config, StrategyTypes.builtIn());
    }

    private static BigDecimal exact(String value) {
        return new BigDecimal(value).setScale(16);
    }

    /** (instance, candle index, target, reason) of each signal. */
    private static List<Tuple> summary(List<Signal> signals) {
        return signals.stream().map(s -> tuple(s.getStrategyInstance(),
                (int) ((s.getCandleOpenTime().toEpochMilli() - Bars.START) / Bars.MINUTE), s.getTarget(), s.getReason())).toList();
    }

    @Test
    void warmUpPublishesSnapshotsWithoutValuesAndNoSignals() {
        try (StrategyDriver driver = defaults()) {
            driver.closes(0, "100", "101", "102", "103", "104", "105", "106", "107", "108", "109");

            List<IndicatorSnapshot> snapshots = driver.snapshots();
            assertThat(snapshots).hasSize(20);
            assertThat(snapshots).extracting(IndicatorSnapshot::getStrategyInstance).containsExactly(
                    "A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B");
            for (int i = 0; i < 10; i++) {
                IndicatorSnapshot a = snapshots.get(2 * i);
                assertThat(a.getOpenTime()).isEqualTo(Instant.ofEpochMilli(Bars.openTime(i)));
                assertThat(a.getClose()).isEqualTo(Bars.price(Integer.toString(100 + i)));
                assertThat(a.getEma() == null).as("EMA at %d", i).isEqualTo(i < 4);
                assertThat(a.getSma() == null).as("SMA at %d", i).isEqualTo(i < 9);
                assertThat(a.getIndicators().get("ema")).as("the map's EMA at %d", i).isEqualTo(a.getEma());
                assertThat(a.getIndicators().get("sma")).as("the map's SMA at %d", i).isEqualTo(a.getSma());
                assertThat(a.getIndicators()).hasSize(i < 4 ? 0 : i < 9 ? 1 : 2);
            }
            assertThat(snapshots.get(8).getEma()).isEqualTo(exact("102"));
            assertThat(snapshots.get(18).getSma()).isEqualTo(exact("104.5"));
            assertThat(driver.signals()).isEmpty();
        }
    }

    @Test
    void crossUpCrossDownAndTheVariantsDivergingOnTheSameCandles() {
        try (StrategyDriver driver = defaults()) {
            driver.closes(0, DIVERGING);

            List<TestRecord<String, Signal>> records = driver.signalRecords();
            assertThat(summary(records.stream().map(TestRecord::value).toList())).containsExactly(
                    tuple("A", 13, TargetPosition.LONG, SignalReason.CROSS_UP),
                    tuple("B", 13, TargetPosition.LONG, SignalReason.CROSS_UP),
                    tuple("B", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS),
                    tuple("A", 21, TargetPosition.FLAT, SignalReason.CROSS_DOWN),
                    tuple("A", 28, TargetPosition.LONG, SignalReason.CROSS_UP),
                    tuple("B", 28, TargetPosition.LONG, SignalReason.CROSS_UP));

            Instant openTime = Instant.ofEpochMilli(Bars.openTime(13));
            assertThat(records.get(0).key()).isEqualTo("BTCUSDT");
            assertThat(records.get(0).timestamp()).isEqualTo(Bars.openTime(13) + Bars.MINUTE - 1);
            assertThat(records.get(0).value()).isEqualTo(Signal.newBuilder()
                    .setSignalId("A:BTCUSDT:" + openTime.toEpochMilli())
                    .setStrategyInstance("A")
                    .setSymbol("BTCUSDT")
                    .setCandleOpenTime(openTime)
                    .setTarget(TargetPosition.LONG)
                    .setReason(SignalReason.CROSS_UP)
                    .setPrice(Bars.price("104"))
                    .setSma(exact("99.8"))
                    .setEma(new BigDecimal("100.2716049382716049"))
                    .setStopPrice(exact("88.4"))
                    .setCreatedAt(openTime.plusMillis(Bars.MINUTE - 1))
                    .build());
            assertThat(records.get(1).value().getStopPrice()).isEqualTo(exact("93.6"));
            // the flat candle of 93 opened below B's stop (a gap): the stop loss exits at its open
            assertThat(records.get(2).value().getStopPrice()).isEqualTo(exact("93"));
            assertThat(records.get(2).value().getPrice()).isEqualTo(Bars.price("93"));
            assertThat(records.get(3).value().getStopPrice()).isNull();
        }
    }

    @Test
    void equalityOfEmaAndSmaIsNotACross() {
        List<StrategyInstance> instances = instances("strategy.instances", "E", "strategy.E.type", "sma-ema-crossover",
                "strategy.E.sma", "2", "strategy.E.ema", "1");
        try (StrategyDriver driver = new StrategyDriver(instances, stateDir)) {
            // EMA(1) - SMA(2) = (close - previous close) / 2: up, equal, up is no cross; down, equal, up crosses at the up.
            driver.closes(0, "10", "11", "11", "12", "11", "11", "12");

            assertThat(summary(driver.signals())).containsExactly(tuple("E", 6, TargetPosition.LONG, SignalReason.CROSS_UP));
        }
    }

    @Test
    void stopLossOfEachVariant() {
        try (StrategyDriver driver = defaults()) {
            driver.closes(0, concat(WARM_UP_DIP_AND_RALLY, "93.6"));
            assertThat(summary(driver.signals())).endsWith(tuple("B", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS)).hasSize(3);
        }
        try (StrategyDriver driver = defaults()) {
            driver.closes(0, concat(WARM_UP_DIP_AND_RALLY, "88.4"));
            List<Signal> signals = driver.signals();
            assertThat(summary(signals)).endsWith(
                    tuple("A", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS),
                    tuple("B", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS));
            assertThat(signals.get(2).getStopPrice()).isEqualTo(exact("88.4"));
            assertThat(signals.get(3).getStopPrice()).as("B's stop of 93.6 was gapped: the open").isEqualTo(exact("88.4"));
        }
    }

    @Test
    void aWickThroughTheStopStopsOnTheLowAndNotOnTheClose() {
        List<StrategyInstance> instances = instances("strategy.instances", "L,C",
                "strategy.L.type", "sma-ema-crossover", "strategy.L.stop-loss", "0.15",
                "strategy.C.type", "sma-ema-crossover", "strategy.C.stop-loss", "0.15", "strategy.C.stop-trigger", "close");
        try (StrategyDriver driver = new StrategyDriver(instances, stateDir)) {
            driver.closes(0, WARM_UP_DIP_AND_RALLY);
            // long from 13 at 104, stop 88.4: the minute at 17 trades from 160 down to 85 and closes at 150
            driver.candle(Candle.newBuilder(StrategyDriver.candle(Bars.SYMBOL, 17, "150", false))
                    .setOpen(Bars.price("160")).setHigh(Bars.price("160")).setLow(Bars.price("85")).build());

            List<Signal> signals = driver.signals();
            assertThat(summary(signals)).containsExactly(tuple("L", 13, TargetPosition.LONG, SignalReason.CROSS_UP),
                    tuple("C", 13, TargetPosition.LONG, SignalReason.CROSS_UP), tuple("L", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS));
            assertThat(signals.get(2).getStopPrice()).as("the stop, traded through").isEqualTo(exact("88.4"));
            assertThat(signals.get(2).getPrice()).as("the close, the order's reference").isEqualTo(Bars.price("150"));
        }
    }

    @Test
    void stopLossAndCrossDownOnTheSameCandleGiveOneStopLossSignal() {
        try (StrategyDriver driver = defaults()) {
            // entry at 27 (close 110); at 28 the close of 90 is below both stops and the EMA crosses below the SMA
            driver.closes(0, "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "99", "98", "97", "100", "104", "108",
                    "110", "112", "111", "109", "105", "100", "95", "90", "94", "99", "104", "110", "90", "85");

            assertThat(summary(driver.signals())).endsWith(
                    tuple("A", 27, TargetPosition.LONG, SignalReason.CROSS_UP),
                    tuple("B", 27, TargetPosition.LONG, SignalReason.CROSS_UP),
                    tuple("A", 28, TargetPosition.FLAT, SignalReason.STOP_LOSS),
                    tuple("B", 28, TargetPosition.FLAT, SignalReason.STOP_LOSS));
        }
    }

    @Test
    void reEntryAfterAStopLossOnlyOnANewCrossUp() {
        try (StrategyDriver driver = defaults()) {
            driver.closes(0, DIVERGING);

            assertThat(summary(driver.signals()).stream().filter(t -> t.toList().get(0).equals("B")).toList()).containsExactly(
                    tuple("B", 13, TargetPosition.LONG, SignalReason.CROSS_UP),
                    tuple("B", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS),
                    tuple("B", 28, TargetPosition.LONG, SignalReason.CROSS_UP));
        }
    }

    @Test
    void theEntryPriceIsTheAverageFillPriceOnceFillsArrived() {
        try (StrategyDriver driver = defaults()) {
            driver.closes(0, WARM_UP_DIP_AND_RALLY);
            driver.fill("A", "BTCUSDT", OrderSide.BUY, "108", "0.0005", 13)
                    .fill("A", "BTCUSDT", OrderSide.BUY, "112", "0.0005", 13)
                    .fill("C", "BTCUSDT", OrderSide.BUY, "200", "1", 13)
                    .fill("B", "ETHUSDT", OrderSide.BUY, "200", "1", 13);
            driver.candle(Candle.newBuilder(StrategyDriver.candle(Bars.SYMBOL, 17, "93", false))
                    .setOpen(Bars.price("160")).setHigh(Bars.price("160")).build());

            List<Signal> signals = driver.signals();
            // A's entry is 110 (stop 93.5) rather than the signal's 104 (stop 88.4); B's stays 104 (stop 93.6).
            assertThat(summary(signals)).endsWith(
                    tuple("A", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS),
                    tuple("B", 17, TargetPosition.FLAT, SignalReason.STOP_LOSS));
            assertThat(signals.get(2).getStopPrice()).isEqualTo(exact("93.5"));
            assertThat(signals.get(3).getStopPrice()).isEqualTo(exact("93.6"));
            assertThat(driver.storeContents()).extracting(kv -> kv.key).containsExactly("A:BTCUSDT", "B:BTCUSDT");
        }
    }

    @Test
    void gapFilledCandlesCountAsCandles() {
        try (StrategyDriver driver = new StrategyDriver(instances("strategy.instances", "A", "strategy.A.type", "sma-ema-crossover"), stateDir)) {
            for (int i = 0; i < 10; i++) {
                driver.candle(StrategyDriver.candle("BTCUSDT", i, "100", i % 3 == 1));
            }
            List<IndicatorSnapshot> snapshots = driver.snapshots();
            assertThat(snapshots).hasSize(10);
            assertThat(snapshots.get(9).getSma()).isEqualTo(exact("100"));
        }
    }

    @Test
    void eachSymbolHasItsOwnStateAndInstancesOnlyTradeTheirSymbols() {
        List<StrategyInstance> instances = instances("strategy.instances", "A,E",
                "strategy.A.type", "sma-ema-crossover", "strategy.A.stop-loss", "0.15",
                "strategy.E.type", "sma-ema-crossover", "strategy.E.symbols", "ETHUSDT");
        try (StrategyDriver driver = new StrategyDriver(instances, stateDir)) {
            for (int i = 0; i < DIVERGING.length; i++) {
                driver.candle(StrategyDriver.candle("BTCUSDT", i, DIVERGING[i], false));
                driver.candle(StrategyDriver.candle("ETHUSDT", i, "2000", false));
            }

            assertThat(driver.signals()).extracting(Signal::getSignalId).containsExactly(
                    "A:BTCUSDT:" + Bars.openTime(13), "A:BTCUSDT:" + Bars.openTime(21), "A:BTCUSDT:" + Bars.openTime(28));
            assertThat(driver.storeContents()).extracting(kv -> kv.key).containsExactlyInAnyOrder("A:BTCUSDT", "A:ETHUSDT", "E:ETHUSDT");
        }
    }

    @Test
    void aRedeliveredCandleGivesNoSecondSnapshotOrSignal() {
        try (StrategyDriver driver = defaults()) {
            driver.closes(0, WARM_UP_DIP_AND_RALLY);
            driver.snapshots();
            assertThat(driver.signals()).hasSize(2);

            driver.candle(13, "104").candle(16, "160");

            assertThat(driver.snapshots()).isEmpty();
            assertThat(driver.signals()).isEmpty();
        }
    }

    @Test
    void anotherStrategyTypeRunsInTheSameTopology() {
        List<StrategyInstance> instances = instances("strategy.instances", "D", "strategy.D.type", "breakout",
                "strategy.D.entry", "3", "strategy.D.exit", "2", "strategy.D.stop-loss", "0.1");
        try (StrategyDriver driver = new StrategyDriver(instances, stateDir)) {
            driver.closes(0, "100", "101", "102", "103", "99");

            List<Signal> signals = driver.signals();
            assertThat(summary(signals)).containsExactly(
                    tuple("D", 3, TargetPosition.LONG, SignalReason.ENTRY_RULE),
                    tuple("D", 4, TargetPosition.FLAT, SignalReason.EXIT_RULE));
            assertThat(signals.get(0).getSma()).isNull();
            assertThat(signals.get(0).getStopPrice()).isEqualTo(exact("92.7"));
            List<IndicatorSnapshot> snapshots = driver.snapshots();
            assertThat(snapshots).hasSize(5).allSatisfy(snapshot -> assertThat(snapshot.getEma()).isNull());
            assertThat(snapshots.get(3).getIndicators()).as("the channel the close of candle 3 broke out of")
                    .isEqualTo(Map.of("upper", exact("102"), "lower", exact("101")));
        }
    }

    @Test
    void anUndeserializableCandleIsSkippedAndProcessingGoesOn() {
        try (StrategyDriver driver = defaults()) {
            driver.candle(0, "100").rawCandle("BTCUSDT", new byte[] {0, 0, 0, 0, 42, 1}).candle(1, "100");

            assertThat(driver.snapshots()).hasSize(4);
        }
    }

    @Test
    void candlesAndFillsShareOneSubTopologyAndOneStore() {
        TopologyDescription description = StrategyTopology.build(
                StrategySettings.of(StrategyInstances.defaults(), Map.of("schema.registry.url", "mock://describe"))).describe();

        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.subtopologies().iterator().next().nodes())
                .filteredOn(node -> node instanceof TopologyDescription.Processor)
                .allSatisfy(node -> assertThat(((TopologyDescription.Processor) node).stores())
                        .containsExactly(StrategyTopology.STATE_STORE));
    }

    /** Everything the topology published, in order. */
    private record Published(List<KeyValue<String, Object>> records) {
        static Published drain(StrategyDriver driver, Published into) {
            driver.snapshotRecords().forEach(r -> into.records.add(KeyValue.pair(r.key() + "@" + r.timestamp(), r.value())));
            driver.signalRecords().forEach(r -> into.records.add(KeyValue.pair(r.key() + "@" + r.timestamp(), r.value())));
            return into;
        }
    }

    private static void feed(StrategyDriver driver, int from, int to) {
        for (int i = from; i < to; i++) {
            driver.candle(i, DIVERGING[i]);
            if (i == 13) {
                driver.fill("A", "BTCUSDT", OrderSide.BUY, "108", "0.001", 13).fill("B", "BTCUSDT", OrderSide.BUY, "105", "0.001", 13);
            }
        }
    }

    @Test
    void aRestartFromTheStoredStateContinuesExactlyAsUninterruptedProcessing() {
        Path otherDir = stateDir.resolve("restarted");
        Published uninterrupted = new Published(new ArrayList<>());
        try (StrategyDriver driver = defaults()) {
            for (int i = 0; i < DIVERGING.length; i++) {
                feed(driver, i, i + 1);
                Published.drain(driver, uninterrupted);
            }
        }
        assertThat(uninterrupted.records()).filteredOn(kv -> kv.value instanceof Signal).hasSizeGreaterThanOrEqualTo(5);
        Published withoutState = new Published(new ArrayList<>());
        try (StrategyDriver fresh = new StrategyDriver(StrategyInstances.defaults(), otherDir)) {
            feed(fresh, 14, DIVERGING.length);
            Published.drain(fresh, withoutState);
        }
        // Without the restored state the positions opened at 13 are unknown: no exits at 17 and 21.
        assertThat(withoutState.records()).filteredOn(kv -> kv.value instanceof Signal s && s.getTarget() == TargetPosition.FLAT).isEmpty();
        assertThat(uninterrupted.records()).filteredOn(kv -> kv.value instanceof Signal s && s.getTarget() == TargetPosition.FLAT).hasSize(2);

        for (int split : new int[] {5, 12, 14, 17, 20}) {
            Published resumed = new Published(new ArrayList<>());
            List<KeyValue<String, byte[]>> saved;
            try (StrategyDriver first = defaults()) {
                for (int i = 0; i < split; i++) {
                    feed(first, i, i + 1);
                    Published.drain(first, resumed);
                }
                saved = first.storeContents();
            }
            try (StrategyDriver second = new StrategyDriver(StrategyInstances.defaults(), otherDir)) {
                saved.forEach(kv -> second.store().put(kv.key, kv.value));
                for (int i = split; i < DIVERGING.length; i++) {
                    feed(second, i, i + 1);
                    Published.drain(second, resumed);
                }
            }
            assertThat(resumed.records()).as("restart after %d candles", split).hasSameSizeAs(uninterrupted.records());
            for (int i = 0; i < resumed.records().size(); i++) {
                KeyValue<String, Object> expected = uninterrupted.records().get(i);
                KeyValue<String, Object> actual = resumed.records().get(i);
                assertThat(actual.key).isEqualTo(expected.key);
                assertThat(Objects.equals(actual.value, expected.value)).as("record %d after a restart at %d: %s", i, split, actual.value).isTrue();
            }
        }
    }
}
