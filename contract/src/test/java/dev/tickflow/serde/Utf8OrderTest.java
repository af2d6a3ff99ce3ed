package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {

    @Test
    void ordersAsTheUtf8BytesDo() {
        List<String> strings = List.of("", "A", "AB", "B", "BTCUSDT|A", "BTCUSDTX|A", "a", "\u00e9", "\uffff", "\ud83d\ude00", "A\ud83d\ude00", "A\uffff");

        List<String> byUtf8 = strings.stream().sorted(Utf8Order.COMPARATOR).toList();
        List<String> byBytes = strings.stream()
                .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))).toList();

        assertThat(byUtf8).isEqualTo(byBytes);
        assertThat(Stream.of("\ud83d\ude00", "\uffff").sorted().toList()).as("String's own order differs here")
                .containsExactly("\ud83d\ude00", "\uffff");
        assertThat(Utf8Order.compare("\uffff", "\ud83d\ude00")).isNegative();
    }
}
