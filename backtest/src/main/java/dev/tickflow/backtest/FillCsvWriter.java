package dev.tickflow.backtest;

import static dev.tickflow.backtest.StrategyCsv.plain;

import dev.tickflow.schema.Fill;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the executor's fills (oms.fills), one line each: the trade time in epoch milliseconds, {@code fee} the
 * commission in {@code fee_asset}, decimals plainly at the scale the records carry.
 */
public final class FillCsvWriter extends CsvRowWriter<Fill> {
    public static final String HEADER = "instance,symbol,time,client_order_id,trade_id,side,price,quantity,fee,fee_asset";

    public FillCsvWriter(Writer out) throws IOException {
        super(out, HEADER);
    }

    @Override
    String format(Fill fill) {
        return fill.getStrategyInstance() + ',' + fill.getSymbol() + ',' + fill.getTradeTime().toEpochMilli() + ','
                + fill.getClientOrderId() + ',' + fill.getTradeId() + ',' + fill.getSide() + ',' + plain(fill.getPrice()) + ','
                + plain(fill.getQuantity()) + ',' + plain(fill.getCommission()) + ',' + fill.getCommissionAsset();
    }
}
