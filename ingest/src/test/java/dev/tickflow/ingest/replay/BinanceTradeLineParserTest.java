package dev.tickflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinanceTradeLineParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "0.01000000", "00.5", "5.", ".5", "123456789012345678", "9999999999.99999999", "0.00000000",
            "50000.12345678", "1.0"})
    void plainDecimalIsExactlyWhatBigDecimalParses(String text) {
        BigDecimal fast = BinanceTradeLineParser.plainDecimal(text);
        BigDecimal reference = new BigDecimal(text);
        assertThat(fast.unscaledValue()).isEqualTo(reference.unscaledValue());
        assertThat(fast.scale()).isEqualTo(reference.scale());
        assertThat(fast.toPlainString()).isEqualTo(reference.toPlainString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-1", "+1", "1e5", "1.2.3", "abc", "1,5", " 1", "1234567890123456789", "0.1234567890123456789"})
    void plainDecimalLeavesEverythingElseToBigDecimal(String text) {
        assertThat(BinanceTradeLineParser.plainDecimal(text)).isNull();
    }

    @Test
    void plainDecimalMatchesBigDecimalOnRandomPrices() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            String text = BigDecimal.valueOf(random.nextLong(1_000_000_000_000_000L), random.nextInt(0, 17)).toPlainString();
            BigDecimal fast = BinanceTradeLineParser.plainDecimal(text);
            BigDecimal reference = new BigDecimal(text);
            assertThat(fast.scale()).as(text).isEqualTo(reference.scale());
            assertThat(fast).as(text).isEqualTo(reference);
        }
    }
}
