package dev.tickflow.cli.backtest;

import static dev.tickflow.cli.backtest.StrategyCsv.plain;
import static dev.tickflow.cli.backtest.StrategyCsv.text;

import dev.tickflow.schema.Signal;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes signals, one line each, with a header line: the candle's open time in epoch milliseconds, decimals
 * plainly at the scale they carry, an empty cell for a null value.
 */
public final class SignalCsvWriter implements Closeable {
    public static final String HEADER = "instance,symbol,open_time,target,reason,price,sma,ema,stop_price,signal_id";

    private final Writer out;
    private long rows;

    public SignalCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    public void write(Signal signal) throws IOException {
        out.write(row(signal));
        out.write('\n');
        rows++;
    }

    /** One line, without its line end. */
    public static String row(Signal signal) {
        return signal.getStrategyInstance() + ',' + signal.getSymbol() + ',' + signal.getCandleOpenTime().toEpochMilli() + ','
                + text(signal.getTarget()) + ',' + text(signal.getReason()) + ',' + plain(signal.getPrice()) + ','
                + plain(signal.getSma()) + ',' + plain(signal.getEma()) + ',' + plain(signal.getStopPrice()) + ','
                + signal.getSignalId();
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
