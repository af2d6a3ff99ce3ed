package dev.tickflow.executor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.executor.engine.InMemoryState;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskEngineTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static final RiskLimits DRAWDOWN_1 = new RiskLimits(null, null, 1, null, null, BigDecimal.ONE, null);
    private static final BigDecimal PRICE = new BigDecimal("50000");

    private final InMemoryState state = new InMemoryState();
    private final List<OpsEvent> events = new ArrayList<>();

    private RiskEngine engine(RiskPolicy policy) {
        return new RiskEngine(policy, state, state, state, events::add);
    }

    /** Stores a long position of 0.001 whose net PnL is {@code netPnl} (all realized) and tells the engine. */
    private void position(RiskEngine risk, String instance, String symbol, String netPnl, Instant time) {
        PositionState position = new PositionState(new BigDecimal("0.001"), PRICE, new BigDecimal(netPnl), BigDecimal.ZERO, BigDecimal.ZERO,
                PRICE, time);
        PositionRecord record = new PositionRecord(position, null, 0);
        state.putPosition(instance, symbol, record);
        risk.onPosition(instance, symbol, record, time);
    }

    private static OrderRequest buy(String instance, String symbol) {
        return new OrderRequest("tf-" + instance + symbol, instance + ":0", instance, symbol, OrderSide.BUY, OrderType.MARKET,
                new BigDecimal("0.001"), null, null, null, NOW);
    }

    private Optional<RiskRule> check(RiskEngine risk, OrderRequest order, Instant now) {
        return risk.check(order, BigDecimal.ZERO, PRICE, now, 0, Optional.empty()).map(Rejection::rule);
    }

    @Test
    void aBreachedLossLimitMovesTheInstanceFromActiveToReducing() {
        RiskEngine risk = engine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.INSTANCE));
        position(risk, "A", "BTCUSDT", "2", NOW);
        position(risk, "A", "BTCUSDT", "1", NOW);
        assertThat(risk.tradingState("A", NOW)).as("a fall of exactly the limit").isEqualTo(TradingState.ACTIVE);

        position(risk, "A", "BTCUSDT", "0.9", NOW);
        assertThat(risk.tradingState("A", NOW)).isEqualTo(TradingState.REDUCING);
        assertThat(risk.tradingState("B", NOW)).isEqualTo(TradingState.ACTIVE);
        assertThat(check(risk, buy("A", "BTCUSDT"), NOW)).contains(RiskRule.HALTED);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo("HALTED");
            assertThat(event.severity()).isEqualTo("CRITICAL");
            assertThat(event.eventId()).isEqualTo("halt-A-" + NOW.toEpochMilli());
            assertThat(event.message()).contains("max-drawdown").endsWith("tickflow control lift-halt A");
        });
    }

    @Test
    void theInstanceLossLimitSumsItsSymbols() {
        RiskEngine risk = engine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.INSTANCE));
        position(risk, "A", "BTCUSDT", "0", NOW);
        position(risk, "A", "ETHUSDT", "0", NOW);
        position(risk, "A", "BTCUSDT", "-0.6", NOW);
        assertThat(risk.tradingState("A", NOW)).as("each symbol alone is within the limit").isEqualTo(TradingState.ACTIVE);
        position(risk, "A", "ETHUSDT", "-0.6", NOW);
        assertThat(risk.tradingState("A", NOW)).as("together they lost 1.2").isEqualTo(TradingState.REDUCING);
    }

    @Test
    void theAccountDrawdownSumsEveryInstanceAndHaltsEveryone() {
        RiskPolicy policy = RiskPolicy.unlimited().withPortfolio(new PortfolioLimits(null, null, null, null, null, BigDecimal.ONE));
        RiskEngine risk = engine(policy);
        position(risk, "A", "BTCUSDT", "-0.6", NOW);
        assertThat(risk.tradingState("B", NOW)).isEqualTo(TradingState.ACTIVE);
        position(risk, "B", "ETHUSDT", "-0.6", NOW);
        assertThat(risk.tradingState("A", NOW)).isEqualTo(TradingState.REDUCING);
        assertThat(risk.tradingState("C", NOW)).isEqualTo(TradingState.REDUCING);
        assertThat(state.risk(RiskEngine.ALL_INSTANCES).halt().reason()).startsWith("account-drawdown: PnL -1.2 is 1.2 below its peak 0");
        assertThat(events).singleElement().satisfies(event -> assertThat(event.message()).endsWith("tickflow control lift-halt *"));
    }

    @Test
    void theAccountDailyLossResetsAtUtcMidnightOfEventTime() {
        RiskPolicy policy = RiskPolicy.unlimited().withPortfolio(new PortfolioLimits(null, null, null, null, BigDecimal.ONE, null));
        RiskEngine risk = engine(policy);
        Instant lateOnDay1 = Instant.parse("2025-01-01T23:59:00Z");
        position(risk, "A", "BTCUSDT", "0", lateOnDay1);
        position(risk, "A", "BTCUSDT", "-1.5", lateOnDay1);
        assertThat(risk.tradingState("A", lateOnDay1)).isEqualTo(TradingState.REDUCING);
        Instant day2 = Instant.parse("2025-01-02T00:00:00Z");
        assertThat(risk.tradingState("A", day2)).as("the halt ends at midnight").isEqualTo(TradingState.ACTIVE);
        position(risk, "A", "BTCUSDT", "-2", day2);
        assertThat(risk.tradingState("A", day2)).as("day 2 counts from its first PnL, -2").isEqualTo(TradingState.ACTIVE);
        position(risk, "A", "BTCUSDT", "-3.1", day2.plusSeconds(60));
        assertThat(risk.tradingState("A", day2.plusSeconds(60))).isEqualTo(TradingState.REDUCING);
    }

    @Test
    void liftingAHaltReArmsTheLimitsFromTheCurrentPnl() {
        RiskEngine risk = engine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.INSTANCE));
        position(risk, "A", "BTCUSDT", "-2", NOW);
        assertThat(risk.tradingState("A", NOW)).isEqualTo(TradingState.REDUCING);
        assertThat(risk.liftHalt("A", NOW)).isPresent();
        assertThat(risk.tradingState("A", NOW)).isEqualTo(TradingState.ACTIVE);
        position(risk, "A", "BTCUSDT", "-2.5", NOW);
        assertThat(risk.tradingState("A", NOW)).as("0.5 below the level it was lifted at").isEqualTo(TradingState.ACTIVE);
        assertThat(risk.liftHalt("A", NOW)).as("nothing to lift").isEmpty();
    }

    @Test
    void withScopeAllEveryInstanceIsReducing() {
        RiskEngine risk = engine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.ALL));
        position(risk, "A", "BTCUSDT", "-1.5", NOW);
        assertThat(risk.tradingState("B", NOW)).isEqualTo(TradingState.REDUCING);
        assertThat(state.risk(RiskEngine.ALL_INSTANCES).halt()).isNotNull();
    }

    @Test
    void ordersSentCountInTheRateWindow() {
        RiskEngine risk = engine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.INSTANCE));
        assertThat(check(risk, buy("A", "BTCUSDT"), NOW)).isEmpty();
        risk.orderSent("A", NOW);
        assertThat(check(risk, buy("A", "BTCUSDT"), NOW.plusMillis(999))).contains(RiskRule.MAX_ORDERS_PER_SECOND);
        assertThat(check(risk, buy("A", "BTCUSDT"), NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void theAccountRateCountsEveryInstanceAndSymbol() {
        RiskEngine risk = engine(RiskPolicy.unlimited().withPortfolio(new PortfolioLimits(null, null, null, 2, null, null)));
        risk.orderSent("A", NOW);
        risk.orderSent("B", NOW);
        assertThat(check(risk, buy("C", "ETHUSDT"), NOW.plusMillis(500))).contains(RiskRule.ACCOUNT_RATE);
        assertThat(check(risk, buy("C", "ETHUSDT"), NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void aPausedInstanceMayOnlyReduce() {
        RiskEngine risk = engine(RiskPolicy.unlimited());
        risk.setPaused("A", true);
        assertThat(check(risk, buy("A", "BTCUSDT"), NOW)).contains(RiskRule.PAUSED);
        assertThat(check(risk, buy("B", "BTCUSDT"), NOW)).isEmpty();
        OrderRequest sell = new OrderRequest("tf-s", "A:1", "A", "BTCUSDT", OrderSide.SELL, OrderType.MARKET, new BigDecimal("0.001"), null, null,
                null, NOW);
        assertThat(risk.check(sell, new BigDecimal("0.001"), PRICE, NOW, 0, Optional.empty())).isEmpty();
        risk.setPaused(RiskEngine.ALL_INSTANCES, true);
        risk.setPaused("A", false);
        assertThat(check(risk, buy("A", "BTCUSDT"), NOW)).as("every instance is paused").contains(RiskRule.PAUSED);
    }
}
