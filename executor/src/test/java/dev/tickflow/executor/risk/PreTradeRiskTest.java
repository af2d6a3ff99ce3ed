package dev.tickflow.executor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreTradeRiskTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:10Z");
    private static final BigDecimal PRICE = new BigDecimal("50000");
    private static final SymbolFilters BTCUSDT = new SymbolFilters("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.01"),
            new BigDecimal("1000000"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("5"),
            new BigDecimal("9000000"));

    private static OrderRequest market(OrderSide side, String quantity) {
        return new OrderRequest("tf-x", "A:BTCUSDT:0", "A", "BTCUSDT", side, OrderType.MARKET, new BigDecimal(quantity), null, null, null,
                NOW.minusSeconds(1));
    }

    private static OrderRequest limit(OrderSide side, String quantity, String price) {
        return new OrderRequest("tf-x", "A:BTCUSDT:0", "A", "BTCUSDT", side, OrderType.LIMIT, new BigDecimal(quantity), new BigDecimal(price),
                TimeInForce.GTC, null, NOW.minusSeconds(1));
    }

    private static PreTradeRisk.Context context(String position) {
        return new PreTradeRisk.Context(new BigDecimal(position), PRICE, NOW.minusSeconds(1), NOW, 0, List.of(), Optional.empty(), Optional.of(BTCUSDT));
    }

    private static RiskLimits only(String limit, Object value) {
        RiskLimits none = RiskLimits.none();
        Map<String, RiskLimits> byName = Map.of(
                "position", new RiskLimits((BigDecimal) value, null, null, null, null, null, null),
                "order", new RiskLimits(null, (BigDecimal) value, null, null, null, null, null));
        return byName.getOrDefault(limit, none);
    }

    private static Optional<RiskRule> rule(OrderRequest order, RiskLimits limits, PreTradeRisk.Context context) {
        return PreTradeRisk.check(order, limits, context).map(Rejection::rule);
    }

    @Test
    void anOrderWithinEveryLimitPasses() {
        RiskLimits all = new RiskLimits(new BigDecimal("100"), new BigDecimal("100"), 5, 5, BigDecimal.TEN, BigDecimal.TEN, Duration.ofSeconds(5));
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.001"), all, context("0"))).isEmpty();
    }

    @Test
    void staleSignal() {
        RiskLimits limits = new RiskLimits(null, null, null, null, null, null, Duration.ofSeconds(5));
        PreTradeRisk.Context old = new PreTradeRisk.Context(BigDecimal.ZERO, PRICE, NOW.minusSeconds(6), NOW, 0, List.of(), Optional.empty(),
                Optional.empty());
        Rejection rejection = PreTradeRisk.check(market(OrderSide.BUY, "0.001"), limits, old).orElseThrow();
        assertThat(rejection.reason()).isEqualTo("stale-signal: signal is 6000 ms old, the limit is 5000 ms");
        PreTradeRisk.Context fresh = new PreTradeRisk.Context(BigDecimal.ZERO, PRICE, NOW.minusSeconds(5), NOW, 0, List.of(), Optional.empty(),
                Optional.empty());
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.001"), limits, fresh)).isEmpty();
    }

    @Test
    void haltedPassesOnlyPositionReducingOrders() {
        PreTradeRisk.Context halted = new PreTradeRisk.Context(new BigDecimal("0.002"), PRICE, NOW, NOW, 0, List.of(),
                Optional.of(Halt.reducing("max-drawdown: test", null)), Optional.of(BTCUSDT));
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.001"), RiskLimits.none(), halted).orElseThrow().reason())
                .isEqualTo("halted: only position-reducing orders pass while halted (max-drawdown: test)");
        assertThat(rule(market(OrderSide.SELL, "0.002"), RiskLimits.none(), halted)).isEmpty();
        assertThat(rule(market(OrderSide.SELL, "0.003"), RiskLimits.none(), halted)).as("selling more than held opens a short")
                .contains(RiskRule.HALTED);
    }

    @Test
    void aHaltedInstancePlacesNothingNotEvenAReducingOrder() {
        PreTradeRisk.Context halted = new PreTradeRisk.Context(new BigDecimal("0.002"), PRICE, NOW, NOW, 0, List.of(),
                Optional.of(new Halt(TradingState.HALTED, "manual", null)), Optional.of(BTCUSDT));
        assertThat(PreTradeRisk.check(market(OrderSide.SELL, "0.002"), RiskLimits.none(), halted).orElseThrow().reason())
                .isEqualTo("halted: no order passes while halted (manual)");
    }

    @Test
    void maxPositionCountsThePositionAfterTheOrder() {
        // 0.001 held + 0.001 bought = 0.002 x 50000 = 100
        assertThat(rule(market(OrderSide.BUY, "0.001"), only("position", new BigDecimal("100")), context("0.001"))).isEmpty();
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.001"), only("position", new BigDecimal("99.99")), context("0.001"))
                .orElseThrow().reason()).isEqualTo("max-position: position would be worth 100, the limit is 99.99");
        assertThat(rule(market(OrderSide.SELL, "0.001"), only("position", new BigDecimal("1")), context("0.002"))).as("reducing").isEmpty();
    }

    @Test
    void maxOrderNotional() {
        assertThat(rule(market(OrderSide.BUY, "0.002"), only("order", new BigDecimal("100")), context("0"))).isEmpty();
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.003"), only("order", new BigDecimal("100")), context("0")).orElseThrow().reason())
                .isEqualTo("max-order-notional: order is worth 150, the limit is 100");
    }

    @Test
    void maxOrdersPerSecondCountsTheLastSecondOfTheExecutorsClock() {
        RiskLimits limits = new RiskLimits(null, null, 2, null, null, null, null);
        List<Instant> twoRecent = List.of(NOW.minusMillis(999), NOW.minusMillis(10));
        PreTradeRisk.Context busy = new PreTradeRisk.Context(BigDecimal.ZERO, PRICE, NOW, NOW, 0, twoRecent, Optional.empty(), Optional.empty());
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.001"), limits, busy).orElseThrow().reason())
                .isEqualTo("max-orders-per-second: 2 orders in the last second, the limit is 2");
        List<Instant> oneOld = List.of(NOW.minusMillis(1000), NOW.minusMillis(10));
        PreTradeRisk.Context calm = new PreTradeRisk.Context(BigDecimal.ZERO, PRICE, NOW, NOW, 0, oneOld, Optional.empty(), Optional.empty());
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.001"), limits, calm)).isEmpty();
    }

    @Test
    void maxOpenOrdersAppliesToLimitOrders() {
        RiskLimits limits = new RiskLimits(null, null, null, 1, null, null, null);
        PreTradeRisk.Context oneOpen = new PreTradeRisk.Context(BigDecimal.ZERO, PRICE, NOW, NOW, 1, List.of(), Optional.empty(), Optional.empty());
        assertThat(PreTradeRisk.check(limit(OrderSide.BUY, "0.001", "49000"), limits, oneOpen).orElseThrow().reason())
                .isEqualTo("max-open-orders: 1 orders open, the limit is 1");
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.001"), limits, oneOpen)).as("a market order does not rest").isEmpty();
    }

    @Test
    void priceFilter() {
        assertThat(rule(limit(OrderSide.BUY, "0.001", "49000.01"), RiskLimits.none(), context("0"))).isEmpty();
        assertThat(PreTradeRisk.check(limit(OrderSide.BUY, "0.001", "49000.005"), RiskLimits.none(), context("0")).orElseThrow().reason())
                .isEqualTo("price-filter: price 49000.005 is not a multiple of the tick size 0.01");
        assertThat(rule(limit(OrderSide.BUY, "0.001", "0.001"), RiskLimits.none(), context("0"))).contains(RiskRule.PRICE_FILTER);
        assertThat(rule(limit(OrderSide.SELL, "0.001", "1000000.01"), RiskLimits.none(), context("0.001"))).contains(RiskRule.PRICE_FILTER);
    }

    @Test
    void lotSize() {
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.000015"), RiskLimits.none(), context("0")).orElseThrow().reason())
                .isEqualTo("lot-size: quantity 0.000015 is not a multiple of the step size 0.00001");
        assertThat(rule(market(OrderSide.BUY, "0.000001"), RiskLimits.none(), context("0"))).contains(RiskRule.LOT_SIZE);
        assertThat(rule(market(OrderSide.BUY, "9000.00001"), RiskLimits.none(), context("0"))).contains(RiskRule.LOT_SIZE);
        assertThat(rule(market(OrderSide.BUY, "0"), RiskLimits.none(), context("0"))).contains(RiskRule.LOT_SIZE);
    }

    @Test
    void minAndMaxNotional() {
        // 0.00009 x 50000 = 4.5 < 5
        assertThat(PreTradeRisk.check(market(OrderSide.BUY, "0.00009"), RiskLimits.none(), context("0")).orElseThrow().reason())
                .isEqualTo("notional: notional 4.5 is below the minimum 5");
        assertThat(rule(market(OrderSide.BUY, "0.0001"), RiskLimits.none(), context("0"))).isEmpty();
        assertThat(rule(market(OrderSide.BUY, "200"), RiskLimits.none(), context("0"))).contains(RiskRule.NOTIONAL);
    }

    @Test
    void theFirstFailingRuleNamesTheRejection() {
        RiskLimits limits = new RiskLimits(null, new BigDecimal("1"), null, null, null, null, Duration.ofMillis(1));
        PreTradeRisk.Context old = new PreTradeRisk.Context(BigDecimal.ZERO, PRICE, NOW.minusSeconds(60), NOW, 0, List.of(), Optional.empty(),
                Optional.of(BTCUSDT));
        assertThat(rule(market(OrderSide.BUY, "1"), limits, old)).contains(RiskRule.STALE_SIGNAL);
    }

    @Test
    void perInstanceOverridesWinOverGlobalLimits() {
        RiskLimits global = new RiskLimits(new BigDecimal("100"), new BigDecimal("100"), 5, null, null, null, null);
        RiskPolicy policy = new RiskPolicy(global, Map.of("B", new RiskLimits(null, new BigDecimal("10"), null, 2, null, null, null)),
                RiskPolicy.HaltScope.INSTANCE);
        assertThat(policy.limitsOf("A")).isEqualTo(global);
        assertThat(policy.limitsOf("B")).isEqualTo(new RiskLimits(new BigDecimal("100"), new BigDecimal("10"), 5, 2, null, null, null));
    }
}
