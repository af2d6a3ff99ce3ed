package dev.tickflow.aggregate;

import static dev.tickflow.aggregate.Trades.T0;
import static dev.tickflow.aggregate.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.aggregate.CandleAggregator.Outcome;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The aggregation without Kafka, states in memory, as the backtest runs it. */
class CandleAggregatorTest {
    private static final long MINUTE = 60_000;
    private static final long GRACE = 5_000;
    private static final long START = T0.toEpochMilli();

    private final List<Candle> candles = new ArrayList<>();
    private final CandleAggregator aggregator = new CandleAggregator(Duration.ofMillis(GRACE),
            List.of(CandleInterval.ONE_MINUTE, CandleInterval.parse("5m")), candles::add);

    @Test
    void closesMinutesByTheTimeGivenFillsGapsAndRollsUp() {
        assertThat(aggregator.accept(trade("BTCUSDT", 1, 10_000, "100", "1"), START + 10_000)).isEqualTo(Outcome.ADDED);
        assertThat(aggregator.accept(trade("BTCUSDT", 2, 3 * MINUTE + GRACE, "110", "2"), START + 3 * MINUTE + GRACE)).isEqualTo(Outcome.ADDED);

        assertThat(candles).extracting(c -> c.getInterval() + "@" + (c.getOpenTime().toEpochMilli() - START) + (c.getFilled() ? " flat" : ""))
                .containsExactly("1m@0", "1m@60000 flat", "1m@120000 flat");

        aggregator.closeUpTo(START + 5 * MINUTE + GRACE);
        assertThat(candles).extracting(c -> c.getInterval() + "@" + (c.getOpenTime().toEpochMilli() - START))
                .endsWith("1m@180000", "1m@240000", "5m@0");
        Candle fiveMinutes = candles.get(candles.size() - 1);
        assertThat(fiveMinutes.getVolume()).isEqualByComparingTo("3");
        assertThat(fiveMinutes.getClose()).isEqualByComparingTo("110");
    }

    @Test
    void tellsDuplicatesAndLateTradesApart() {
        aggregator.accept(trade("BTCUSDT", 1, 10_000, "100", "1"), START + 10_000);
        assertThat(aggregator.accept(trade("BTCUSDT", 1, 10_000, "100", "1"), START + 10_000)).isEqualTo(Outcome.DUPLICATE);
        assertThat(aggregator.accept(trade("BTCUSDT", 2, MINUTE + GRACE - 1, "101", "1"), START + MINUTE + GRACE - 1)).isEqualTo(Outcome.ADDED);
        assertThat(aggregator.accept(trade("BTCUSDT", 3, 59_000, "99", "1"), START + MINUTE + GRACE - 1))
                .as("within the grace").isEqualTo(Outcome.ADDED);
        assertThat(aggregator.accept(trade("BTCUSDT", 4, 59_500, "98", "1"), START + MINUTE + GRACE)).as("after it").isEqualTo(Outcome.LATE);
        assertThat(aggregator.accept(trade("BTCUSDT", 4, 59_500, "98", "1"), START + MINUTE + GRACE))
                .as("a late trade is seen too").isEqualTo(Outcome.DUPLICATE);

        assertThat(candles).singleElement().satisfies(candle -> {
            assertThat(candle.getClose()).isEqualByComparingTo("99");
            assertThat(candle.getTradeCount()).isEqualTo(2);
        });
    }

    @Test
    void closesTheSymbolsInTheOrderOfTheirUtf8Bytes() {
        for (String symbol : List.of("\uFB01X", "B", "\uD83D\uDE00X", "A")) {
            aggregator.accept(trade(symbol, 1, 10_000, "1", "1"), START + 10_000);
        }
        aggregator.closeUpTo(START + MINUTE + GRACE);

        assertThat(candles).extracting(Candle::getSymbol).containsExactly("A", "B", "\uFB01X", "\uD83D\uDE00X");
    }

    @Test
    void encodingEveryChangeGivesTheSameCandlesAndKeepsEachSymbolsLatestStateEncoded() {
        List<CandleInterval> intervals = List.of(CandleInterval.ONE_MINUTE, CandleInterval.parse("5m"));
        List<Candle> encodingCandles = new ArrayList<>();
        EncodedSymbolStates states = new EncodedSymbolStates();
        CandleAggregator encoding = new CandleAggregator(GRACE, CandleAggregator.rolledUp(intervals), states, encodingCandles::add);
        List<Candle> factoryCandles = new ArrayList<>();
        CandleAggregator fromFactory = CandleAggregator.encodingEveryChange(Duration.ofMillis(GRACE), intervals, factoryCandles::add);

        for (int i = 0; i < 40; i++) {
            long millis = i * 20_000L;
            Trade trade = trade(i % 2 == 0 ? "BTCUSDT" : "ETHUSDT", i + 1, millis, Integer.toString(100 + i % 7), "1");
            aggregator.accept(trade, START + millis);
            encoding.accept(trade, START + millis);
            fromFactory.accept(trade, START + millis);
        }

        assertThat(candles).hasSizeGreaterThan(20);
        assertThat(encodingCandles).hasToString(candles.toString());
        assertThat(factoryCandles).hasToString(candles.toString());
        SymbolStateCodec codec = new SymbolStateCodec();
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            assertThat(states.encoded(symbol)).isEqualTo(codec.encode(states.get(symbol)));
        }
        assertThat(states.encoded("SOLUSDT")).isNull();
    }

    @Test
    void needsTheOneMinuteInterval() {
        assertThatThrownBy(() -> new CandleAggregator(Duration.ZERO, List.of(CandleInterval.parse("5m")), candles::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must include 1m");
    }
}
