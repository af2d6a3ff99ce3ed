package dev.tickflow.executor.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderSizingTest {
    private static final OrderSizing DEFAULTS = new OrderSizing(Map.of(), Map.of(), "q.key", "n.key");

    static SymbolFilters filters(String symbol, String base, String quote, String step) {
        return new SymbolFilters(symbol, base, quote, new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(step),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void defaultsFollowTheBaseAsset() {
        assertThat(DEFAULTS.quantity("BTCUSDT", new BigDecimal("60000"), Optional.empty())).isEqualByComparingTo("0.001");
        assertThat(DEFAULTS.quantity("ETHUSDT", new BigDecimal("3000"), Optional.empty())).isEqualByComparingTo("0.01");
        assertThat(DEFAULTS.quantity("ETHBTC", new BigDecimal("0.05"), Optional.empty())).as("ETH base wins").isEqualByComparingTo("0.01");
    }

    @Test
    void defaultsForBtcAndEthQuotesAreNotionals() {
        // 0.001 BTC / 0.00002345 BTC = 42.643923... -> 42.6 at step 0.1
        assertThat(DEFAULTS.quantity("SOLBTC", new BigDecimal("0.00002345"), Optional.of(filters("SOLBTC", "SOL", "BTC", "0.1"))))
                .isEqualByComparingTo("42.6");
        // 0.01 ETH / 0.003 ETH = 3.33333333 (8 decimals, rounded down)
        assertThat(DEFAULTS.quantity("LINKETH", new BigDecimal("0.003"), Optional.empty())).isEqualByComparingTo("3.33333333");
    }

    @Test
    void otherSymbolsNeedConfigurationNamingTheKeys() {
        assertThatThrownBy(() -> DEFAULTS.quantity("SOLUSDT", new BigDecimal("150"), Optional.empty()))
                .isInstanceOf(OrderSizing.MissingOrderSizeException.class)
                .hasMessageContaining("SOLUSDT").hasMessageContaining("q.key").hasMessageContaining("n.key");
    }

    @Test
    void configuredQuantityAndNotionalRoundDownToTheStep() {
        OrderSizing sizing = new OrderSizing(Map.of("BTCUSDT", new BigDecimal("0.0027")), Map.of("SOLUSDT", new BigDecimal("100")), "q", "n");
        assertThat(sizing.quantity("BTCUSDT", new BigDecimal("60000"), Optional.of(filters("BTCUSDT", "BTC", "USDT", "0.001"))))
                .isEqualByComparingTo("0.002");
        // 100 / 152.5 = 0.65573770 -> 0.65 at step 0.01
        assertThat(sizing.quantity("SOLUSDT", new BigDecimal("152.5"), Optional.of(filters("SOLUSDT", "SOL", "USDT", "0.01"))))
                .isEqualByComparingTo("0.65");
    }

    @Test
    void aSymbolCannotHaveBothSizes() {
        assertThatThrownBy(() -> new OrderSizing(Map.of("BTCUSDT", BigDecimal.ONE), Map.of("BTCUSDT", BigDecimal.TEN), "q", "n"))
                .hasMessageContaining("BTCUSDT").hasMessageContaining("q").hasMessageContaining("n");
    }

    @Test
    void roundDownNeverRoundsUp() {
        assertThat(OrderSizing.roundDown(new BigDecimal("0.00999999"), new BigDecimal("0.001"))).isEqualByComparingTo("0.009");
        assertThat(OrderSizing.roundDown(new BigDecimal("0.0005"), new BigDecimal("0.001"))).isEqualByComparingTo("0");
        assertThat(OrderSizing.roundDown(new BigDecimal("1.23456789"), BigDecimal.ZERO)).isEqualByComparingTo("1.23456789");
    }
}
