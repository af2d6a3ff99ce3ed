package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.T0;
import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolStateTest {
    private static final long MINUTE = 60_000;
    private static final long OPEN = T0.toEpochMilli();
    private static final List<CandleInterval> FIVE = List.of(CandleInterval.parse("5m"));

    @Test
    void closingEmitsTradedAndFlatMinutesInOrderAndOnlyOnce() {
        SymbolState state = new SymbolState("BTCUSDT", "binance");
        state.add(trade("BTCUSDT", 1, 2 * MINUTE + 1, "100", "1"));
        state.add(trade("BTCUSDT", 2, 4 * MINUTE + 1, "90", "1"));
        List<Candle> out = new ArrayList<>();

        assertThat(state.closeUpTo(OPEN + MINUTE, List.of(), out::add)).isFalse();
        assertThat(state.closeUpTo(OPEN + 4 * MINUTE, List.of(), out::add)).isTrue();
        assertThat(state.closeUpTo(OPEN + 4 * MINUTE, List.of(), out::add)).isFalse();

        assertThat(out).extracting(candle -> (candle.getOpenTime().toEpochMilli() - OPEN) / MINUTE).containsExactly(2L, 3L, 4L);
        assertThat(out).extracting(Candle::getFilled).containsExactly(false, true, false);
        assertThat(state.hasEmitted(OPEN + 4 * MINUTE)).isTrue();
        assertThat(state.hasEmitted(OPEN + 5 * MINUTE)).isFalse();
        assertThat(state.openMinutes).isEmpty();
        assertThat(state.lastClose).isEqualByComparingTo("90");
    }

    @Test
    void aQuietSymbolKeepsGettingFlatCandlesAndRollups() {
        SymbolState state = new SymbolState("BTCUSDT", "binance");
        state.add(trade("BTCUSDT", 1, 1, "100", "1"));
        List<Candle> out = new ArrayList<>();
        state.closeUpTo(OPEN + 9 * MINUTE, FIVE, out::add);

        assertThat(out).filteredOn(candle -> candle.getInterval().equals("1m")).hasSize(10);
        assertThat(out).filteredOn(candle -> candle.getInterval().equals("5m"))
                .extracting(Candle::getFilled).containsExactly(false, true);
    }

    @Test
    void seenIdsArePrunedToTheHorizonButKeepEveryIdOfAnOpenMinute() {
        SymbolState state = new SymbolState("BTCUSDT", "binance");
        state.add(trade("BTCUSDT", 5, 1, "100", "1"));
        long far = 5 + SymbolState.SEEN_ID_HORIZON + 1_000;
        state.add(trade("BTCUSDT", far, 2, "100", "1"));
        assertThat(state.hasSeen(5)).isTrue();

        state.closeUpTo(OPEN, List.of(), candle -> { });
        state.add(trade("BTCUSDT", far + 1, MINUTE + 1, "100", "1"));
        assertThat(state.hasSeen(5)).isFalse();
        assertThat(state.hasSeen(far)).isTrue();
        assertThat(state.hasSeen(far + 1)).isTrue();
    }

    @Test
    void rolledUpWindowsOfIntervalsNoLongerConfiguredAreDropped() {
        SymbolState state = new SymbolState("BTCUSDT", "binance");
        state.add(trade("BTCUSDT", 1, 1, "100", "1"));
        state.closeUpTo(OPEN, List.of(CandleInterval.parse("5m"), CandleInterval.parse("1h")), candle -> { });
        assertThat(state.rollups).extracting(rollup -> rollup.interval).containsExactly("5m", "1h");

        state.closeUpTo(OPEN + MINUTE, FIVE, candle -> { });
        assertThat(state.rollups).extracting(rollup -> rollup.interval).containsExactly("5m");
    }
}
