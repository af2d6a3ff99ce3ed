package dev.tickflow.backtest;

import static dev.tickflow.backtest.StrategyCsv.plain;
import static dev.tickflow.backtest.StrategyCsv.text;

import dev.tickflow.schema.Signal;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes signals, one line each, with a header line: the candle's open time in epoch milliseconds, decimals
 * plainly at the scale they carry, an empty cell for a null value.
 */
public final class SignalCsvWriter extends CsvRowWriter<Signal> {
    public static final String HEADER = "instance,symbol,open_time,target,reason,price,sma,ema,stop_price,signal_id";

    public SignalCsvWriter(Writer out) throws IOException {
        super(out, HEADER);
    }

    @Override
    String format(Signal signal) {
        return signal.getStrategyInstance() + ',' + signal.getSymbol() + ',' + signal.getCandleOpenTime().toEpochMilli() + ','
                + text(signal.getTarget()) + ',' + text(signal.getReason()) + ',' + plain(signal.getPrice()) + ','
                + plain(signal.getSma()) + ',' + plain(signal.getEma()) + ',' + plain(signal.getStopPrice()) + ','
                + signal.getSignalId();
    }
}
