package dev.tickflow.executor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionStateTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static PositionState apply(PositionState position, OrderSide side, String price, String quantity, String commission, String asset) {
        return position.apply(new PositionState.Execution(side, new BigDecimal(price), new BigDecimal(quantity), new BigDecimal(commission), asset, T0),
                "BTC", "USDT");
    }

    @Test
    void buysAverageAndAPartialSellRealizes() {
        PositionState p = apply(PositionState.flat(), OrderSide.BUY, "100", "0.002", "0.0002", "USDT");
        p = apply(p, OrderSide.BUY, "110", "0.002", "0.00022", "USDT");
        assertThat(p.quantity()).isEqualByComparingTo("0.004");
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("105");
        assertThat(p.fees()).isEqualByComparingTo("0.00042");

        p = apply(p, OrderSide.SELL, "120", "0.001", "0", "USDT");
        assertThat(p.quantity()).isEqualByComparingTo("0.003");
        assertThat(p.averageEntryPrice()).as("a reduction keeps the entry price").isEqualByComparingTo("105");
        assertThat(p.realizedPnl()).as("(120 - 105) x 0.001").isEqualByComparingTo("0.015");
        assertThat(p.lastPrice()).isEqualByComparingTo("120");
        assertThat(p.unrealizedPnl()).as("(120 - 105) x 0.003").isEqualByComparingTo("0.045");

        PositionState marked = p.markedAt(new BigDecimal("100"), T0.plusSeconds(60));
        assertThat(marked.unrealizedPnl()).as("(100 - 105) x 0.003").isEqualByComparingTo("-0.015");
        assertThat(marked.netPnl()).as("0.015 - 0.015 - 0.00042").isEqualByComparingTo("-0.00042");
    }

    @Test
    void aPositionFlipsThroughZero() {
        PositionState p = apply(PositionState.flat(), OrderSide.BUY, "100", "1", "0", "USDT");
        p = apply(p, OrderSide.SELL, "90", "3", "0", "USDT");
        assertThat(p.realizedPnl()).as("(90 - 100) x 1").isEqualByComparingTo("-10");
        assertThat(p.quantity()).isEqualByComparingTo("-2");
        assertThat(p.averageEntryPrice()).as("the short opened at the flip price").isEqualByComparingTo("90");
        assertThat(p.unrealizedPnl()).as("(90 - 90) x -2").isEqualByComparingTo("0");

        p = apply(p, OrderSide.BUY, "80", "2", "0", "USDT");
        assertThat(p.realizedPnl()).as("-10 + (90 - 80) x 2").isEqualByComparingTo("10");
        assertThat(p.isFlat()).isTrue();
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("0");
        assertThat(p.unrealizedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void partialFillsOfOneOrderAddUp() {
        PositionState p = apply(PositionState.flat(), OrderSide.BUY, "100", "0.3", "0.03", "USDT");
        p = apply(p, OrderSide.BUY, "101", "0.7", "0.0707", "USDT");
        assertThat(p.quantity()).isEqualByComparingTo("1");
        assertThat(p.averageEntryPrice()).as("0.3 x 100 + 0.7 x 101").isEqualByComparingTo("100.7");
        assertThat(p.fees()).isEqualByComparingTo("0.1007");
    }

    @Test
    void aBaseAssetCommissionReducesTheQuantityAndCountsAtTheFillPrice() {
        PositionState p = apply(PositionState.flat(), OrderSide.BUY, "100", "1", "0.001", "BTC");
        assertThat(p.quantity()).isEqualByComparingTo("0.999");
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("100");
        assertThat(p.fees()).as("0.001 BTC at 100").isEqualByComparingTo("0.1");

        p = apply(p, OrderSide.SELL, "110", "0.999", "0.10989", "USDT");
        assertThat(p.isFlat()).isTrue();
        assertThat(p.realizedPnl()).as("(110 - 100) x 0.999").isEqualByComparingTo("9.99");
        assertThat(p.fees()).isEqualByComparingTo("0.20989");
        assertThat(p.netPnl()).as("paid 100, received 109.89 - 0.10989").isEqualByComparingTo("9.78011");
    }

    @Test
    void aCommissionInAThirdAssetIsKeptApart() {
        PositionState p = apply(PositionState.flat(), OrderSide.BUY, "100", "1", "0.0002", "BNB");
        assertThat(p.fees()).isEqualByComparingTo("0");
        assertThat(p.otherCommissions()).isEqualByComparingTo("0.0002");
        assertThat(p.quantity()).isEqualByComparingTo("1");
    }
}
