package dev.tickflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.topics.HopStamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class LatencyBenchTest {
    private static final long MINUTE = 60_000;
    private static final long GRACE = 5_000;

    @Test
    void measuresFromTheCandlesEndPlusGraceAndCountsOnlyCandlesClosedInRealTime() {
        long measuredFrom = 100 * MINUTE;
        long feedEnd = measuredFrom + MINUTE;
        Map<String, PlacementClock.Placement> placements = new LinkedHashMap<>();
        // a candle closed from history: neither counted nor shown
        placements.put("history", placement(measuredFrom - 2 * MINUTE, measuredFrom + 2));
        // a candle of the real-time warm-up minute: shown, not counted
        placements.put("warm-up", placement(measuredFrom - MINUTE, measuredFrom - MINUTE + GRACE + 3_000));
        for (int i = 1; i <= 100; i++) {
            long candleEnd = i % 2 == 0 ? measuredFrom : feedEnd;
            placements.put("o" + i, placement(candleEnd, candleEnd + GRACE + 10L * i));
        }
        // a candle after the measured minutes: not counted
        placements.put("late", placement(feedEnd + MINUTE, feedEnd + MINUTE + GRACE + 1));

        LatencyBench.Result result = LatencyBench.summarize(placements, measuredFrom - MINUTE, measuredFrom, feedEnd, GRACE);

        assertThat(result.orders()).isEqualTo(100);
        assertThat(result.p50Ms()).as("nearest rank: the 50th of 10..1000").isEqualTo(500);
        assertThat(result.p99Ms()).isEqualTo(990);
        assertThat(result.maxMs()).isEqualTo(1000);
        assertThat(result.byMinute()).containsExactly(
                Map.entry(Instant.ofEpochMilli(measuredFrom - MINUTE), new LatencyBench.Percentiles(1, 3_000, 3_000, 3_000)),
                Map.entry(Instant.ofEpochMilli(measuredFrom), new LatencyBench.Percentiles(50, 500, 1000, 1000)),
                Map.entry(Instant.ofEpochMilli(feedEnd), new LatencyBench.Percentiles(50, 490, 990, 990)));
        assertThat(result.byMinuteLine())
                .isEqualTo("01:39 warm-up p50 3000 ms max 3000 ms (1), 01:40 p50 500 ms max 1000 ms (50), 01:41 p50 490 ms max 990 ms (50)");
    }

    @Test
    void eachHopIsMeasuredOnTheFirstOrderEventOfEachCandleClosedInRealTime() {
        long measuredFrom = 100 * MINUTE;
        long feedEnd = measuredFrom + MINUTE;
        List<ConsumerRecord<byte[], byte[]>> events = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            long placed = measuredFrom + GRACE + 100 + i;
            events.add(orderEvent("S" + i, measuredFrom, placed, i));
            // the same order's next event (its fill), later: not counted
            events.add(orderEvent("S" + i, measuredFrom, placed + 5_000, i));
        }
        events.add(orderEvent("HISTORY", measuredFrom - MINUTE, measuredFrom + 10, 1));
        ConsumerRecord<byte[], byte[]> unstamped = new ConsumerRecord<>("orders", 0, 0, "OTHER".getBytes(StandardCharsets.UTF_8), new byte[0]);
        events.add(unstamped);

        Map<HopStamps.Hop, LatencyBench.Percentiles> hops = LatencyBench.hops(events, measuredFrom, feedEnd);

        assertThat(hops.get(HopStamps.Hop.CLOSE_TO_CANDLE)).isEqualTo(new LatencyBench.Percentiles(100, 50, 99, 100));
        assertThat(hops.get(HopStamps.Hop.CANDLE_TO_SIGNAL)).isEqualTo(new LatencyBench.Percentiles(100, 10, 10, 10));
        assertThat(hops.get(HopStamps.Hop.EXECUTOR_TO_PLACED).count()).isEqualTo(100);
        assertThat(hops.get(HopStamps.Hop.CLOSE_TO_ORDER)).isEqualTo(new LatencyBench.Percentiles(100, 150, 199, 200));
    }

    /** An order event of the candle ending at {@code windowEnd}: closable after the grace, produced {@code closeToCandle} later, ... placed at {@code placed}. */
    private static ConsumerRecord<byte[], byte[]> orderEvent(String symbol, long windowEnd, long placed, long closeToCandle) {
        Headers headers = new RecordHeaders();
        HopStamps.stamp(headers, HopStamps.WINDOW_END, windowEnd);
        HopStamps.stamp(headers, HopStamps.WINDOW_CLOSABLE, windowEnd + GRACE);
        HopStamps.stamp(headers, HopStamps.CANDLE_PRODUCED, windowEnd + GRACE + closeToCandle);
        HopStamps.stamp(headers, HopStamps.SIGNAL_PRODUCED, windowEnd + GRACE + closeToCandle + 10);
        HopStamps.stamp(headers, HopStamps.ORDER_RECEIVED, windowEnd + GRACE + closeToCandle + 40);
        HopStamps.stamp(headers, HopStamps.ORDER_PLACED, placed);
        return new ConsumerRecord<>("orders", 0, 0, 0, TimestampType.CREATE_TIME, 0, 0, symbol.getBytes(StandardCharsets.UTF_8), new byte[0],
                headers, Optional.empty());
    }

    @Test
    void noOrderIsAFailureNotAFigure() {
        assertThatThrownBy(() -> LatencyBench.summarize(Map.of(), 0, 0, MINUTE, GRACE)).hasMessageContaining("No order");
    }

    /** An order of the candle ending at {@code candleEnd} (its signal's time is the candle's close time, end - 1 ms). */
    private static PlacementClock.Placement placement(long candleEnd, long placedAt) {
        return new PlacementClock.Placement(placedAt, Instant.ofEpochMilli(candleEnd - 1));
    }
}
