package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.T0;
import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Candle;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * A restart, as far as a TopologyTestDriver can show one: the first driver's changelog is written into a second
 * driver's store the way Streams restores it (raw bytes per key, last one wins), then processing goes on. The
 * emitted minute is not emitted again, the open minute keeps its trades, and seen trade ids survive.
 */
class RestartFromChangelogTest {
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final long MINUTE = 60_000;
    private static final String CHANGELOG = AggregateSettings.APPLICATION_ID + "-" + AggregateTopology.STORE + "-changelog";

    @Test
    void aSecondInstanceRestoredFromTheChangelogResumesExactly() {
        Map<String, byte[]> changelog = new LinkedHashMap<>();
        try (AggregateFixture first = new AggregateFixture("restart-1", "1m,5m", GRACE)) {
            first.send(trade("BTCUSDT", 1, 10_000, "100", "1"));
            first.send(trade("BTCUSDT", 2, MINUTE + GRACE.toMillis(), "110", "2"));
            assertThat(first.candles("1m").readValuesToList()).extracting(Candle::getOpenTime).containsExactly(T0);
            for (KeyValue<String, byte[]> entry : first.driver.createOutputTopic(CHANGELOG, new StringDeserializer(),
                    new ByteArrayDeserializer()).readKeyValuesToList()) {
                changelog.put(entry.key, entry.value);
            }
        }
        assertThat(changelog).containsOnlyKeys("BTCUSDT");

        try (AggregateFixture second = new AggregateFixture("restart-2", "1m,5m", GRACE)) {
            KeyValueStore<String, byte[]> store = ((SymbolStateStore) second.driver.getStateStore(AggregateTopology.STORE)).encoded();
            changelog.forEach(store::put);

            second.send(trade("BTCUSDT", 2, MINUTE + GRACE.toMillis(), "110", "2"));
            second.send(trade("BTCUSDT", 1, 10_000, "100", "1"));
            second.send(trade("BTCUSDT", 3, MINUTE + 30_000, "90", "1"));
            second.send(trade("BTCUSDT", 10, 20_000, "1000", "1"));
            second.send(trade("BTCUSDT", 4, 4 * MINUTE + GRACE.toMillis(), "95", "1"));

            List<Candle> candles = second.candles("1m").readValuesToList();
            assertThat(candles).extracting(Candle::getOpenTime)
                    .containsExactly(T0.plusMillis(MINUTE), T0.plusMillis(2 * MINUTE), T0.plusMillis(3 * MINUTE));
            Candle resumed = candles.get(0);
            assertThat(resumed.getOpen()).isEqualByComparingTo("110");
            assertThat(resumed.getClose()).isEqualByComparingTo("90");
            assertThat(resumed.getVolume()).isEqualByComparingTo("3");
            assertThat(second.total("duplicate-trades")).isEqualTo(2.0);
            assertThat(second.late.readValuesToList()).extracting(trade -> trade.getTradeId()).containsExactly(10L);

            second.send(trade("BTCUSDT", 5, 5 * MINUTE + GRACE.toMillis(), "96", "1"));
            Candle five = second.candles("5m").readValue();
            assertThat(five.getOpenTime()).isEqualTo(T0);
            assertThat(five.getOpen()).isEqualByComparingTo("100");
            assertThat(five.getVolume()).isEqualByComparingTo("5");
            assertThat(five.getTradeCount()).isEqualTo(4);
            assertThat(five.getClose()).isEqualByComparingTo("95");
        }
    }
}
