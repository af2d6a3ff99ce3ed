package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.T0;
import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.HopStamps;
import java.time.Duration;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The hop stamps a candle leaves the aggregation with, in a TopologyTestDriver with the real Avro serde. */
class CandleHopStampsTest {
    private static final long MINUTE = 60_000;
    private static final Duration GRACE = Duration.ofSeconds(5);

    @Test
    void aCandleCarriesItsWindowEndTheEarliestCloseAndWhenItWasProduced() {
        try (AggregateFixture fixture = new AggregateFixture("hop-stamps", "1m,5m", GRACE)) {
            long before = System.currentTimeMillis();
            fixture.send(trade("BTCUSDT", 1, 1_000, "100", "1"));
            fixture.send(trade("BTCUSDT", 2, 5 * MINUTE + GRACE.toMillis(), "101", "1"));
            long after = System.currentTimeMillis();

            TestRecord<String, Candle> first = fixture.candles("1m").readRecord();
            long windowEnd = T0.toEpochMilli() + MINUTE;
            assertThat(HopStamps.read(first.headers(), HopStamps.WINDOW_END)).hasValue(windowEnd);
            assertThat(HopStamps.read(first.headers(), HopStamps.WINDOW_CLOSABLE)).hasValue(windowEnd + GRACE.toMillis());
            assertThat(HopStamps.read(first.headers(), HopStamps.CANDLE_PRODUCED).getAsLong()).isBetween(before, after);
            assertThat(first.headers().headers(HopStamps.CANDLE_PRODUCED)).hasSize(1);

            TestRecord<String, Candle> fiveMinutes = fixture.candles("5m").readRecord();
            assertThat(HopStamps.read(fiveMinutes.headers(), HopStamps.WINDOW_END)).hasValue(T0.toEpochMilli() + 5 * MINUTE);
        }
    }
}
