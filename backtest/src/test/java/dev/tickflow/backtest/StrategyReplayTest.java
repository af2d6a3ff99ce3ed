package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstances;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyReplayTest {
    private static final String SCOPE = "strategy-replay-test";
    private static final long MINUTE = 60_000;

    @TempDir
    Path stateDir;

    private final List<IndicatorSnapshot> snapshots = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void deliversEverySnapshotAndSignalAndDropsTheChangelogAsItGoes() throws IOException {
        StrategySettings settings = StrategySettings.of(StrategyInstances.defaults(), Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, "mock://" + SCOPE));
        // down for 12 minutes, then up: the EMA crosses above the SMA once, on the second rising close
        List<String> closes = List.of("30", "29", "28", "27", "26", "25", "24", "23", "22", "21", "20", "19", "25", "30", "35");

        try (StrategyReplay replay = new StrategyReplay(settings, stateDir, sink())) {
            assertThat(replay.runsOn("1m")).isTrue();
            assertThat(replay.runsOn("5m")).isFalse();
            for (int i = 0; i < closes.size(); i++) {
                replay.accept(candle(i * MINUTE, closes.get(i)));
                assertThat(snapshots).hasSize(2 * (i + 1));
            }
            assertThat(replay.candles()).isEqualTo(closes.size());
            assertThat(replay.signalCounts()).containsExactly(Map.entry("A", 1L), Map.entry("B", 1L));
            assertThat(replay.internalRecordsDiscarded()).isPositive();
        }

        assertThat(snapshots).extracting(IndicatorSnapshot::getStrategyInstance).startsWith("A", "B", "A", "B");
        assertThat(signals).extracting(signal -> signal.getStrategyInstance() + " " + signal.getTarget() + " " + signal.getReason())
                .containsExactly("A LONG CROSS_UP", "B LONG CROSS_UP");
        assertThat(signals.get(0).getCandleOpenTime()).isEqualTo(Instant.ofEpochMilli(13 * MINUTE));
    }

    private StrategySink sink() {
        return new StrategySink() {
            @Override
            public void indicators(IndicatorSnapshot snapshot) {
                snapshots.add(snapshot);
            }

            @Override
            public void signal(Signal signal) {
                signals.add(signal);
            }
        };
    }

    private static Candle candle(long openTime, String close) {
        BigDecimal price = new BigDecimal(close).setScale(8);
        BigDecimal zero8 = BigDecimal.ZERO.setScale(8);
        BigDecimal zero16 = BigDecimal.ZERO.setScale(16);
        return Candle.newBuilder()
                .setExchange("binance").setSymbol("XRPETH").setInterval("1m")
                .setOpenTime(Instant.ofEpochMilli(openTime)).setCloseTime(Instant.ofEpochMilli(openTime + MINUTE - 1))
                .setOpen(price).setHigh(price).setLow(price).setClose(price)
                .setVolume(zero8).setQuoteVolume(zero16).setTradeCount(0).setTakerBuyVolume(zero8).setTakerBuyQuoteVolume(zero16)
                .setFirstTradeId(-1).setLastTradeId(-1).setFilled(false)
                .build();
    }
}
