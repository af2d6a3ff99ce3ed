package dev.tickflow.backtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Fills for the report's metric tests, which compare with ta4j's whole-account cash flow: a LONG target while flat buys
 * as much as the instance's cash pays for, fee included, rounded down to 8 decimals; a FLAT target while long sells the
 * whole position; a target already held gives no fill. The fill is at the signal price, fee = notional x fee rate.
 * (The backtest itself takes the executor's fills and order sizes.)
 */
final class WholeAccountFills {
    private static final int QUANTITY_SCALE = 8;

    private WholeAccountFills() {
    }

    static Optional<Fill> signal(BacktestReport report, String instance, boolean wantLong, BigDecimal price, long time) {
        InstanceLedger ledger = report.ledger(instance);
        if (wantLong == ledger.isLong()) {
            return Optional.empty();
        }
        BigDecimal feeRate = report.account().feeRate();
        BigDecimal quantity = wantLong ? ledger.cash().divide(price.multiply(BigDecimal.ONE.add(feeRate)), QUANTITY_SCALE, RoundingMode.DOWN)
                : ledger.quantity();
        if (quantity.signum() <= 0) {
            return Optional.empty();
        }
        Fill fill = new Fill(instance, report.symbol(), time, wantLong ? Fill.Side.BUY : Fill.Side.SELL, price, quantity,
                price.multiply(quantity).multiply(feeRate));
        report.fill(fill);
        return Optional.of(fill);
    }
}
