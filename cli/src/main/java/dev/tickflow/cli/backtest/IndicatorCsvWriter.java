package dev.tickflow.cli.backtest;

import static dev.tickflow.cli.backtest.StrategyCsv.plain;

import dev.tickflow.schema.IndicatorSnapshot;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes indicator snapshots, one line per instance and candle, with a header line: times in epoch milliseconds,
 * decimals plainly at the scale they carry, an empty cell for an indicator still warming up (or one the strategy
 * does not have).
 */
public final class IndicatorCsvWriter implements Closeable {
    public static final String HEADER = "instance,symbol,open_time,close,sma,ema";

    private final Writer out;
    private long rows;

    public IndicatorCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    public void write(IndicatorSnapshot snapshot) throws IOException {
        out.write(row(snapshot));
        out.write('\n');
        rows++;
    }

    /** One line, without its line end. */
    public static String row(IndicatorSnapshot snapshot) {
        return snapshot.getStrategyInstance() + ',' + snapshot.getSymbol() + ',' + snapshot.getOpenTime().toEpochMilli() + ','
                + plain(snapshot.getClose()) + ',' + plain(snapshot.getSma()) + ',' + plain(snapshot.getEma());
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
