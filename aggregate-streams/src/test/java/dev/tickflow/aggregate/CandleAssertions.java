package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.aggregate.TradeScript.Key;
import dev.tickflow.aggregate.TradeScript.Summary;
import dev.tickflow.schema.Candle;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

final class CandleAssertions {
    private CandleAssertions() {
    }

    static Predicate<List<Candle>> containsAll(Map<Key, Summary> expected) {
        return read -> read.stream().map(Key::of).collect(Collectors.toSet()).containsAll(expected.keySet());
    }

    /** Exactly the expected candles: one per symbol and minute, nothing more, nothing twice. */
    static void assertExactly(List<Candle> read, Map<Key, Summary> expected) {
        Map<Key, Long> copies = read.stream().collect(Collectors.groupingBy(Key::of, TreeMap::new, Collectors.counting()));
        assertThat(copies).as("candles published more than once").allSatisfy((key, count) -> assertThat(count).as(key.toString()).isEqualTo(1L));
        for (Candle candle : read) {
            assertThat(candle.getInterval()).isEqualTo("1m");
            assertThat(candle.getCloseTime()).isEqualTo(candle.getOpenTime().plusMillis(59_999));
        }
        Map<Key, Summary> actual = read.stream().collect(Collectors.toMap(Key::of, Summary::of, (a, b) -> a, TreeMap::new));
        assertThat(actual.keySet()).as("one candle per symbol and minute").containsExactlyElementsOf(expected.keySet());
        assertThat(actual).isEqualTo(expected);
    }

    static Function<List<Candle>, String> describe() {
        return read -> read.stream().map(c -> c.getSymbol() + "@" + c.getOpenTime()).collect(Collectors.joining(", "));
    }
}
