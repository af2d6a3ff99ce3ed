package dev.tickflow.executor.portfolio;

import dev.tickflow.executor.model.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * The virtual position of one strategy instance in one symbol, built from its fills.
 *
 * <ul>
 *   <li>{@code quantity} is signed: positive long, negative short (spot trading never opens a short, but a SELL larger
 *       than the position flips through zero and the books must stay right).</li>
 *   <li>{@code averageEntryPrice}: quantity-weighted price of the fills that built the open position; reset to the
 *       fill's price when the position flips, zero when flat.</li>
 *   <li>{@code realizedPnl}: (exit − entry) × closed quantity for a long, (entry − exit) × closed quantity for a short,
 *       in the quote asset, before fees.</li>
 *   <li>{@code fees} in the quote asset. A commission charged in the quote asset is added as is. A commission charged
 *       in the base asset is taken from the quantity (a BUY of 1 with 0.001 base commission adds 0.999; a SELL with
 *       base commission removes quantity + commission) and added to fees at the fill's price. A commission in a third
 *       asset (BNB) cannot be valued without that asset's price: it is counted in {@code otherCommissions}, not in fees.</li>
 *   <li>{@code unrealizedPnl} = (lastPrice − averageEntryPrice) × quantity.</li>
 * </ul>
 */
public record PositionState(BigDecimal quantity, BigDecimal averageEntryPrice, BigDecimal realizedPnl, BigDecimal fees,
                            BigDecimal otherCommissions, BigDecimal lastPrice, Instant updatedAt) {
    /** Scale of the average entry price (as oms.positions carries it). */
    public static final int PRICE_SCALE = 16;

    public PositionState {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageEntryPrice, "averageEntryPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(otherCommissions, "otherCommissions");
    }

    public static PositionState flat() {
        return new PositionState(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null);
    }

    /** One execution. */
    public record Execution(OrderSide side, BigDecimal price, BigDecimal quantity, BigDecimal commission, String commissionAsset,
                            Instant time) {
    }

    /**
     * The position after one fill of the symbol {@code baseAsset}/{@code quoteAsset}. The fill's price also becomes
     * the last price.
     */
    public PositionState apply(Execution fill, String baseAsset, String quoteAsset) {
        BigDecimal feesAfter = fees;
        BigDecimal otherAfter = otherCommissions;
        BigDecimal baseCommission = BigDecimal.ZERO;
        if (fill.commission().signum() != 0) {
            if (fill.commissionAsset().equals(quoteAsset)) {
                feesAfter = feesAfter.add(fill.commission());
            } else if (fill.commissionAsset().equals(baseAsset)) {
                baseCommission = fill.commission();
                feesAfter = feesAfter.add(fill.commission().multiply(fill.price()));
            } else {
                otherAfter = otherAfter.add(fill.commission());
            }
        }
        BigDecimal traded = fill.side() == OrderSide.BUY ? fill.quantity() : fill.quantity().negate();
        PositionState moved = trade(traded, fill.price());
        if (baseCommission.signum() != 0) {
            // taken from the holding; its value is already in fees, so the entry price stays the fill's
            moved = moved.withQuantity(moved.quantity.subtract(baseCommission));
        }
        return new PositionState(moved.quantity, moved.quantity.signum() == 0 ? BigDecimal.ZERO : moved.averageEntryPrice,
                moved.realizedPnl, feesAfter, otherAfter, fill.price(), fill.time());
    }

    /** The position marked at {@code price}. */
    public PositionState markedAt(BigDecimal price, Instant time) {
        return new PositionState(quantity, averageEntryPrice, realizedPnl, fees, otherCommissions, price, time);
    }

    public BigDecimal unrealizedPnl() {
        if (lastPrice == null || quantity.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return lastPrice.subtract(averageEntryPrice).multiply(quantity);
    }

    /** Realized + unrealized − fees: what the loss limits watch. */
    public BigDecimal netPnl() {
        return realizedPnl.add(unrealizedPnl()).subtract(fees);
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    private PositionState withQuantity(BigDecimal newQuantity) {
        return new PositionState(newQuantity, averageEntryPrice, realizedPnl, fees, otherCommissions, lastPrice, updatedAt);
    }

    /** Adds the signed {@code traded} quantity at {@code price}: closes against the open position first, then opens. */
    private PositionState trade(BigDecimal traded, BigDecimal price) {
        BigDecimal realized = realizedPnl;
        BigDecimal average = averageEntryPrice;
        boolean reduces = quantity.signum() != 0 && traded.signum() != quantity.signum();
        if (reduces) {
            BigDecimal closed = traded.abs().min(quantity.abs());
            BigDecimal perUnit = quantity.signum() > 0 ? price.subtract(average) : average.subtract(price);
            realized = realized.add(perUnit.multiply(closed));
        }
        BigDecimal after = quantity.add(traded);
        if (after.signum() == 0) {
            average = BigDecimal.ZERO;
        } else if (!reduces) {
            average = average.multiply(quantity.abs()).add(price.multiply(traded.abs()))
                    .divide(after.abs(), PRICE_SCALE, RoundingMode.HALF_EVEN);
        } else if (after.signum() != quantity.signum()) {
            average = price;
        }
        return new PositionState(after, average, realized, fees, otherCommissions, lastPrice, updatedAt);
    }
}
