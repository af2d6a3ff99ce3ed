package dev.tickflow.executor.order;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.TargetPosition;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * From a signal's target and the instance's position to the order that reaches it: BUY the opening size when flat
 * and the target is LONG, SELL the whole position when long and the target is FLAT, nothing when already there. A
 * replayed or duplicated signal therefore never doubles a position.
 *
 * <p>An open order of the same instance and symbol counts as on its way: when it goes towards the target nothing
 * more is ordered; when it goes the other way it must be canceled first, and the plan is made again on the position
 * after the cancel.
 */
public final class OrderPlanner {

    private OrderPlanner() {
    }

    /** What to do for a signal. */
    public sealed interface Plan {
        /** Already at the target, or an open order goes there. */
        record Nothing(String why) implements Plan {
        }

        /** Cancel the open order that goes the other way, then plan again. */
        record CancelOpenOrder() implements Plan {
        }

        /** Place an order; a BUY with a null quantity takes the opening size. */
        record Place(OrderSide side, BigDecimal closingQuantity) implements Plan {
            public boolean opens() {
                return closingQuantity == null;
            }
        }
    }

    /**
     * @param position      the instance's quantity in the symbol (negative would be a short, which spot trading never opens)
     * @param openOrderSide the side of the instance's open order in the symbol, if any
     */
    public static Plan plan(TargetPosition target, BigDecimal position, Optional<OrderSide> openOrderSide) {
        OrderSide towardsTarget = target == TargetPosition.LONG ? OrderSide.BUY : OrderSide.SELL;
        if (openOrderSide.isPresent()) {
            return openOrderSide.get() == towardsTarget
                    ? new Plan.Nothing("an open " + towardsTarget + " order already goes to " + target)
                    : new Plan.CancelOpenOrder();
        }
        if (target == TargetPosition.LONG) {
            if (position.signum() > 0) {
                return new Plan.Nothing("already LONG " + position.toPlainString());
            }
            return position.signum() == 0 ? new Plan.Place(OrderSide.BUY, null) : new Plan.Place(OrderSide.BUY, position.negate());
        }
        if (position.signum() == 0) {
            return new Plan.Nothing("already FLAT");
        }
        return position.signum() > 0 ? new Plan.Place(OrderSide.SELL, position) : new Plan.Place(OrderSide.BUY, position.negate());
    }
}
