package dev.tickflow.cli.backtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The stand-in execution of a backtest until the executor's paper broker runs in it: the paper broker's rule "a
 * market order fills at the signal price", with the whole account in or out. A LONG target while flat buys as much
 * as the instance's cash pays for, fee included, rounded down to 8 decimals; a FLAT target while long sells the
 * whole position. A target the instance already has gives no fill (like the executor, it works on target positions).
 * The fee is {@link Account#feeRate()} of the notional, in the quote asset.
 */
public final class SignalPriceFills {
    static final int QUANTITY_SCALE = 8;

    private final BigDecimal feeRate;

    public SignalPriceFills(Account account) {
        this.feeRate = account.feeRate();
    }

    /**
     * @param wantLong true for a LONG target, false for FLAT
     * @param time     the signal's event time (the close time of its candle), epoch milliseconds
     * @param ledger   the instance's account
     */
    public Optional<Fill> fillFor(String instance, String symbol, boolean wantLong, BigDecimal price, long time, InstanceLedger ledger) {
        if (wantLong == ledger.isLong()) {
            return Optional.empty();
        }
        if (wantLong) {
            BigDecimal perUnit = price.multiply(BigDecimal.ONE.add(feeRate));
            BigDecimal quantity = ledger.cash().divide(perUnit, QUANTITY_SCALE, RoundingMode.DOWN);
            if (quantity.signum() <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Fill(instance, symbol, time, Fill.Side.BUY, price, quantity, fee(price, quantity)));
        }
        BigDecimal quantity = ledger.quantity();
        return Optional.of(new Fill(instance, symbol, time, Fill.Side.SELL, price, quantity, fee(price, quantity)));
    }

    private BigDecimal fee(BigDecimal price, BigDecimal quantity) {
        return price.multiply(quantity).multiply(feeRate);
    }
}
