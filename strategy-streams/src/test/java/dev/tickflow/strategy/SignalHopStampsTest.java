package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.topics.HopStamps;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** A signal carries its candle's hop stamps forward and adds its own; a candle without stamps still gives its signal. */
class SignalHopStampsTest {
    private static final String[] CROSS_AT_6 = {"10", "11", "11", "12", "11", "11"};
    private final Path stateDir = Path.of("target", "signal-hop-stamps-state");

    private StrategyDriver driver() {
        return new StrategyDriver(StrategyInstances.parse(Map.of("strategy.instances", "E", "strategy.E.type", "sma-ema-crossover",
                "strategy.E.sma", "2", "strategy.E.ema", "1"), StrategyTypes.builtIn()), stateDir);
    }

    @Test
    void theSignalKeepsTheCandlesStampsAndAddsItsProduceTime() {
        try (StrategyDriver driver = driver()) {
            driver.closes(0, CROSS_AT_6);
            driver.snapshots();
            Headers candleStamps = new RecordHeaders();
            HopStamps.stamp(candleStamps, HopStamps.WINDOW_END, 1_000);
            HopStamps.stamp(candleStamps, HopStamps.WINDOW_CLOSABLE, 6_000);
            HopStamps.stamp(candleStamps, HopStamps.CANDLE_PRODUCED, 6_010);
            long before = System.currentTimeMillis();
            driver.candle(StrategyDriver.candle(Bars.SYMBOL, 6, "12", false), candleStamps);

            List<TestRecord<String, Signal>> signals = driver.signalRecords();
            assertThat(signals).hasSize(1);
            Headers headers = signals.get(0).headers();
            assertThat(HopStamps.read(headers, HopStamps.WINDOW_END)).hasValue(1_000);
            assertThat(HopStamps.read(headers, HopStamps.WINDOW_CLOSABLE)).hasValue(6_000);
            assertThat(HopStamps.read(headers, HopStamps.CANDLE_PRODUCED)).hasValue(6_010);
            assertThat(HopStamps.read(headers, HopStamps.SIGNAL_PRODUCED).getAsLong()).isBetween(before, System.currentTimeMillis());
            List<TestRecord<String, IndicatorSnapshot>> snapshots = driver.snapshotRecords();
            assertThat(snapshots).isNotEmpty().allSatisfy(snapshot -> {
                assertThat(HopStamps.read(snapshot.headers(), HopStamps.CANDLE_PRODUCED)).hasValue(6_010);
                assertThat(HopStamps.read(snapshot.headers(), HopStamps.SIGNAL_PRODUCED)).isEmpty();
            });
        }
    }

    @Test
    void aCandleWithoutStampsGivesASignalWithOnlyItsOwn() {
        try (StrategyDriver driver = driver()) {
            driver.closes(0, CROSS_AT_6).closes(6, "12");

            List<TestRecord<String, Signal>> signals = driver.signalRecords();
            assertThat(signals).hasSize(1);
            assertThat(HopStamps.read(signals.get(0).headers(), HopStamps.SIGNAL_PRODUCED)).isPresent();
            assertThat(HopStamps.read(signals.get(0).headers(), HopStamps.CANDLE_PRODUCED)).isEmpty();
            assertThat(HopStamps.Hop.CANDLE_TO_SIGNAL.millis(signals.get(0).headers())).isEmpty();
        }
    }
}
