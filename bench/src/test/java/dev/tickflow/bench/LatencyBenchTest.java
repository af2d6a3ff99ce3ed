package dev.tickflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyBenchTest {
    private static final long MINUTE = 60_000;
    private static final long GRACE = 5_000;

    @Test
    void measuresFromTheCandlesEndPlusGraceAndCountsOnlyCandlesClosedInRealTime() {
        long measuredFrom = 100 * MINUTE;
        long feedEnd = measuredFrom + MINUTE;
        Map<String, PlacementClock.Placement> placements = new LinkedHashMap<>();
        // a warm-up candle, closed from history: not counted
        placements.put("history", placement(measuredFrom - MINUTE, measuredFrom + 2));
        for (int i = 1; i <= 100; i++) {
            long candleEnd = i % 2 == 0 ? measuredFrom : feedEnd;
            placements.put("o" + i, placement(candleEnd, candleEnd + GRACE + 10L * i));
        }
        // a candle after the measured minutes: not counted
        placements.put("late", placement(feedEnd + MINUTE, feedEnd + MINUTE + GRACE + 1));

        LatencyBench.Result result = LatencyBench.summarize(placements, measuredFrom, feedEnd, GRACE);

        assertThat(result.orders()).isEqualTo(100);
        assertThat(result.p50Ms()).as("nearest rank: the 50th of 10..1000").isEqualTo(500);
        assertThat(result.p99Ms()).isEqualTo(990);
        assertThat(result.maxMs()).isEqualTo(1000);
    }

    @Test
    void noOrderIsAFailureNotAFigure() {
        assertThatThrownBy(() -> LatencyBench.summarize(Map.of(), 0, MINUTE, GRACE)).hasMessageContaining("No order");
    }

    /** An order of the candle ending at {@code candleEnd} (its signal's time is the candle's close time, end - 1 ms). */
    private static PlacementClock.Placement placement(long candleEnd, long placedAt) {
        return new PlacementClock.Placement(placedAt, Instant.ofEpochMilli(candleEnd - 1));
    }
}
