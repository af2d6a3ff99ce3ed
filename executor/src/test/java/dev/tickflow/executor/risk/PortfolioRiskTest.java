package dev.tickflow.executor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.risk.PortfolioRisk.Holding;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioRiskTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static final List<Holding> HOLDINGS = List.of(
            new Holding("A", "BTCUSDT", new BigDecimal("0.001"), new BigDecimal("50000")),   // 50
            new Holding("B", "ETHUSDT", new BigDecimal("-0.01"), new BigDecimal("3000")));   // 30

    private static OrderRequest order(String instance, String symbol, OrderSide side, String quantity, OrderType type) {
        return new OrderRequest("tf-1", "s", instance, symbol, side, type, new BigDecimal(quantity), type == OrderType.LIMIT ? BigDecimal.TEN : null,
                type == OrderType.LIMIT ? TimeInForce.GTC : null, null, NOW);
    }

    private static Optional<RiskRule> check(OrderRequest order, PortfolioLimits limits, BigDecimal position, int openOrders, List<Instant> recent) {
        return PortfolioRisk.check(order, limits, new PortfolioRisk.Context(position, new BigDecimal("100"), NOW, HOLDINGS, openOrders, recent))
                .map(Rejection::rule);
    }

    @Test
    void instanceExposureSumsTheInstancesOtherSymbols() {
        PortfolioLimits limits = new PortfolioLimits(new BigDecimal("60"), null, null, null, null, null);
        OrderRequest buyEth = order("A", "ETHUSDT", OrderSide.BUY, "0.1", OrderType.MARKET);          // 10 + BTC 50 = 60
        assertThat(check(buyEth, limits, BigDecimal.ZERO, 0, List.of())).isEmpty();
        OrderRequest more = order("A", "ETHUSDT", OrderSide.BUY, "0.11", OrderType.MARKET);           // 11 + 50
        assertThat(check(more, limits, BigDecimal.ZERO, 0, List.of())).contains(RiskRule.INSTANCE_EXPOSURE);
        assertThat(check(order("C", "ETHUSDT", OrderSide.BUY, "0.11", OrderType.MARKET), limits, BigDecimal.ZERO, 0, List.of()))
                .as("instance C holds nothing else").isEmpty();
    }

    @Test
    void portfolioExposureSumsEveryInstanceAndCountsAShortByItsSize() {
        PortfolioLimits limits = new PortfolioLimits(null, new BigDecimal("90"), null, null, null, null);
        assertThat(check(order("C", "SOLUSDT", OrderSide.BUY, "0.1", OrderType.MARKET), limits, BigDecimal.ZERO, 0, List.of())).isEmpty();
        assertThat(check(order("C", "SOLUSDT", OrderSide.BUY, "0.11", OrderType.MARKET), limits, BigDecimal.ZERO, 0, List.of()))
                .contains(RiskRule.PORTFOLIO_EXPOSURE);
    }

    @Test
    void theOrdersOwnPositionIsCountedAfterTheOrderNotTwice() {
        PortfolioLimits limits = new PortfolioLimits(new BigDecimal("60"), null, null, null, null, null);
        // A holds 0.001 BTC (50 at its last price); buying 0.5 more at 100 makes 0.501 × 100 = 50.1
        assertThat(check(order("A", "BTCUSDT", OrderSide.BUY, "0.5", OrderType.MARKET), limits, new BigDecimal("0.001"), 0, List.of())).isEmpty();
    }

    @Test
    void aReducingOrderPassesTheExposureLimits() {
        PortfolioLimits limits = new PortfolioLimits(BigDecimal.ONE, BigDecimal.ONE, null, null, null, null);
        assertThat(check(order("A", "BTCUSDT", OrderSide.SELL, "0.001", OrderType.MARKET), limits, new BigDecimal("0.001"), 0, List.of())).isEmpty();
    }

    @Test
    void accountOpenOrdersCountLimitOrdersOfEveryone() {
        PortfolioLimits limits = new PortfolioLimits(null, null, 2, null, null, null);
        assertThat(check(order("A", "BTCUSDT", OrderSide.BUY, "0.001", OrderType.LIMIT), limits, BigDecimal.ZERO, 2, List.of()))
                .contains(RiskRule.ACCOUNT_OPEN_ORDERS);
        assertThat(check(order("A", "BTCUSDT", OrderSide.BUY, "0.001", OrderType.LIMIT), limits, BigDecimal.ZERO, 1, List.of())).isEmpty();
    }

    @Test
    void theAccountRateRefusesEvenAReducingOrder() {
        PortfolioLimits limits = new PortfolioLimits(null, null, null, 1, null, null);
        assertThat(check(order("A", "BTCUSDT", OrderSide.SELL, "0.001", OrderType.MARKET), limits, new BigDecimal("0.001"), 0,
                List.of(NOW.minusMillis(10)))).contains(RiskRule.ACCOUNT_RATE);
    }
}
