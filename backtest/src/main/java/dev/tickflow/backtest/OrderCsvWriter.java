package dev.tickflow.backtest;

import static dev.tickflow.backtest.StrategyCsv.plain;
import static dev.tickflow.backtest.StrategyCsv.text;

import dev.tickflow.schema.OrderEvent;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes the executor's order events (oms.orders), one line per change of state: the event time in epoch
 * milliseconds, {@code price} the limit price (empty for a MARKET order), {@code fee} the commissions of the order's
 * fills so far, decimals plainly at the scale the records carry, an empty cell for a null value.
 */
public final class OrderCsvWriter extends CsvRowWriter<OrderCsvWriter.Row> {
    public static final String HEADER = "instance,symbol,time,client_order_id,signal_id,side,type,status,price,quantity,"
            + "filled_quantity,average_fill_price,fee,reject_reason";

    /** An order event and the commissions of its fills up to it. */
    public record Row(OrderEvent order, BigDecimal fee) {
    }

    public OrderCsvWriter(Writer out) throws IOException {
        super(out, HEADER);
    }

    @Override
    String format(Row row) {
        OrderEvent order = row.order();
        return order.getStrategyInstance() + ',' + order.getSymbol() + ',' + order.getEventTime().toEpochMilli() + ','
                + order.getClientOrderId() + ',' + text(order.getSignalId()) + ',' + order.getSide() + ',' + order.getType() + ','
                + order.getStatus() + ',' + plain(order.getPrice()) + ',' + plain(order.getQuantity()) + ','
                + plain(order.getFilledQuantity()) + ',' + plain(order.getAverageFillPrice()) + ',' + plain(row.fee()) + ','
                + quoted(order.getRejectReason());
    }

    /** A reject reason is free text: quoted (RFC 4180) when it holds a comma, a quote or a line break. */
    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
