package dev.tickflow.executor.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.engine.InMemoryState;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.portfolio.PnlWatermarks;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskEngineTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static final RiskLimits DRAWDOWN_1 = new RiskLimits(null, null, 1, null, null, BigDecimal.ONE, null);

    private final InMemoryState state = new InMemoryState();

    /** A long position whose net PnL fell from a peak of 2 to {@code netPnl}. */
    private static PositionRecord position(String netPnl) {
        PositionState position = new PositionState(new BigDecimal("0.001"), new BigDecimal("50000"), new BigDecimal(netPnl), BigDecimal.ZERO,
                BigDecimal.ZERO, null, NOW);
        return new PositionRecord(position, new PnlWatermarks(LocalDate.parse("2025-01-01"), BigDecimal.ZERO, new BigDecimal("2")), 0);
    }

    private static OrderRequest buy(String instance) {
        return new OrderRequest("tf-" + instance, instance + ":0", instance, "BTCUSDT", OrderSide.BUY, OrderType.MARKET, new BigDecimal("0.001"),
                null, null, null, NOW);
    }

    @Test
    void aBreachedLossLimitMovesTheInstanceFromActiveToReducing() {
        RiskEngine risk = new RiskEngine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.INSTANCE), state);
        risk.onPosition("A", "BTCUSDT", position("1"), NOW);
        assertThat(risk.tradingState("A", NOW)).as("a fall of exactly the limit").isEqualTo(TradingState.ACTIVE);

        risk.onPosition("A", "BTCUSDT", position("0.9"), NOW);
        assertThat(risk.tradingState("A", NOW)).isEqualTo(TradingState.REDUCING);
        assertThat(risk.tradingState("B", NOW)).isEqualTo(TradingState.ACTIVE);
        assertThat(risk.check(buy("A"), BigDecimal.ZERO, new BigDecimal("50000"), NOW, 0, Optional.empty()).map(Rejection::rule))
                .contains(RiskRule.HALTED);
    }

    @Test
    void withScopeAllEveryInstanceIsReducing() {
        RiskEngine risk = new RiskEngine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.ALL), state);
        risk.onPosition("A", "BTCUSDT", position("0"), NOW);
        assertThat(risk.tradingState("B", NOW)).isEqualTo(TradingState.REDUCING);
        assertThat(state.risk(RiskEngine.ALL_INSTANCES).halt()).isNotNull();
    }

    @Test
    void ordersSentCountInTheRateWindow() {
        RiskEngine risk = new RiskEngine(new RiskPolicy(DRAWDOWN_1, Map.of(), RiskPolicy.HaltScope.INSTANCE), state);
        assertThat(risk.check(buy("A"), BigDecimal.ZERO, new BigDecimal("50000"), NOW, 0, Optional.empty())).isEmpty();
        risk.orderSent("A", NOW);
        assertThat(risk.check(buy("A"), BigDecimal.ZERO, new BigDecimal("50000"), NOW.plusMillis(999), 0, Optional.empty()).map(Rejection::rule))
                .contains(RiskRule.MAX_ORDERS_PER_SECOND);
        assertThat(risk.check(buy("A"), BigDecimal.ZERO, new BigDecimal("50000"), NOW.plusSeconds(1), 0, Optional.empty())).isEmpty();
    }
}
