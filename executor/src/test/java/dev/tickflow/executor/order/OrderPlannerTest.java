package dev.tickflow.executor.order;

import static dev.tickflow.executor.model.TargetPosition.FLAT;
import static dev.tickflow.executor.model.TargetPosition.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.order.OrderPlanner.Plan;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderPlannerTest {

    @Test
    void longWhenFlatBuysTheOpeningSize() {
        assertThat(OrderPlanner.plan(LONG, BigDecimal.ZERO, Optional.empty())).isEqualTo(new Plan.Place(OrderSide.BUY, null));
    }

    @Test
    void flatWhenLongSellsTheWholePosition() {
        assertThat(OrderPlanner.plan(FLAT, new BigDecimal("0.003"), Optional.empty()))
                .isEqualTo(new Plan.Place(OrderSide.SELL, new BigDecimal("0.003")));
    }

    @Test
    void nothingWhenAlreadyThere() {
        assertThat(OrderPlanner.plan(LONG, new BigDecimal("0.001"), Optional.empty())).isInstanceOf(Plan.Nothing.class);
        assertThat(OrderPlanner.plan(FLAT, BigDecimal.ZERO, Optional.empty())).isInstanceOf(Plan.Nothing.class);
    }

    @Test
    void anOpenOrderTowardsTheTargetIsEnough() {
        assertThat(OrderPlanner.plan(LONG, BigDecimal.ZERO, Optional.of(OrderSide.BUY))).isInstanceOf(Plan.Nothing.class);
        assertThat(OrderPlanner.plan(FLAT, BigDecimal.ONE, Optional.of(OrderSide.SELL))).isInstanceOf(Plan.Nothing.class);
    }

    @Test
    void anOpenOrderTheOtherWayIsCanceledFirst() {
        assertThat(OrderPlanner.plan(FLAT, BigDecimal.ZERO, Optional.of(OrderSide.BUY))).isInstanceOf(Plan.CancelOpenOrder.class);
        assertThat(OrderPlanner.plan(LONG, BigDecimal.ONE, Optional.of(OrderSide.SELL))).isInstanceOf(Plan.CancelOpenOrder.class);
    }

    @Test
    void aShortIsCovered() {
        assertThat(OrderPlanner.plan(FLAT, new BigDecimal("-0.5"), Optional.empty())).isEqualTo(new Plan.Place(OrderSide.BUY, new BigDecimal("0.5")));
        assertThat(OrderPlanner.plan(LONG, new BigDecimal("-0.5"), Optional.empty())).isEqualTo(new Plan.Place(OrderSide.BUY, new BigDecimal("0.5")));
    }
}
