package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleReplayTest {
    /** 2023-11-14T22:10:00Z, aligned to 5 minutes. */
    static final long T0 = 1_699_999_800_000L;
    private static final String SCOPE = "candle-replay-test";
    private static final CandleInterval M1 = CandleInterval.parse("1m");
    private static final CandleInterval M5 = CandleInterval.parse("5m");

    @TempDir
    Path stateDir;

    private final List<Candle> candles = new ArrayList<>();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void closesTheLastMinuteAtTheEndOfDataButNoIncompleteRollUp() throws IOException {
        ReplayResult result = replay(Duration.ofSeconds(5),
                trade(1, T0 + 1_000, "100.5"), trade(2, T0 + 30_000, "101.25"), trade(3, T0 + 60_005, "99.75"),
                trade(4, T0 + 300_010, "102"));

        assertThat(result.trades()).isEqualTo(4);
        assertThat(result.candles()).containsExactly(Map.entry(M1, 3L), Map.entry(M5, 1L));
        assertThat(candles).extracting(c -> c.getInterval() + "@" + (c.getOpenTime().toEpochMilli() - T0))
                .containsExactly("1m@0", "1m@60000", "1m@300000", "5m@0");
        Candle fiveMinutes = candles.get(3);
        assertThat(fiveMinutes.getOpen()).isEqualByComparingTo("100.5");
        assertThat(fiveMinutes.getClose()).isEqualByComparingTo("99.75");
    }

    @Test
    void endsWithAWatermarkAtTheEndOfTheLastTradesMinutePlusGrace() {
        CandleReplay replay = new CandleReplay(new WindowingTestTopology(), settings(Duration.ofMillis(2_500)), stateDir);

        assertThat(replay.endOfDataWatermark(T0)).isEqualTo(T0 + 60_000 + 2_500);
        assertThat(replay.endOfDataWatermark(T0 + 59_999)).isEqualTo(T0 + 60_000 + 2_500);
        assertThat(replay.endOfDataWatermark(T0 + 60_000)).isEqualTo(T0 + 120_000 + 2_500);
    }

    @Test
    void drainsEveryOutputWhileLargeInputsArePiped() throws IOException {
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            trades.add(trade(i, T0 + i * 100L, "1." + (i % 1000)));
        }

        CandleReplay replay = new CandleReplay(new WindowingTestTopology(), settings(Duration.ZERO), stateDir);
        ReplayResult result = replay.run(trades.iterator(), (interval, candle) -> candles.add(candle));

        assertThat(result.trades()).isEqualTo(20_000);
        assertThat(replay.internalRecordsDiscarded()).as("changelog records of two stores").isEqualTo(40_000);
        assertThat(result.candles().get(M1)).isEqualTo(34);
        assertThat(result.candles().get(M5)).isEqualTo(6);
        assertThat(candles.stream().filter(c -> c.getInterval().equals("1m")).map(Candle::getTradeCount).mapToLong(Long::longValue).sum())
                .isEqualTo(20_000);
    }

    @Test
    void emitsNothingWithoutTrades() throws IOException {
        ReplayResult result = replay(Duration.ofSeconds(5));

        assertThat(result.trades()).isZero();
        assertThat(result.candles()).containsExactly(Map.entry(M1, 0L), Map.entry(M5, 0L));
    }

    private ReplayResult replay(Duration grace, Trade... trades) throws IOException {
        CandleReplay replay = new CandleReplay(new WindowingTestTopology(), settings(grace), stateDir);
        return replay.run(List.of(trades).iterator(), (interval, candle) -> candles.add(candle));
    }

    private static AggregateSettings settings(Duration grace) {
        return new AggregateSettings(catalog(), grace, Map.of("schema.registry.url", "mock://" + SCOPE));
    }

    private static TopicCatalog catalog() {
        return TopicCatalogs.withIntervals("1m", "5m");
    }

    static Trade trade(long id, long time, String price) {
        Instant at = Instant.ofEpochMilli(time);
        return Trade.newBuilder().setExchange("binance").setSymbol("XRPETH").setTradeId(id).setFirstTradeId(id).setLastTradeId(id)
                .setPrice(new BigDecimal(price)).setQuantity(BigDecimal.ONE).setTradeTime(at).setBuyerIsMaker(false)
                .setEventTime(at).setIngestTime(at).build();
    }
}
