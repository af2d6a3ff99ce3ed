package dev.tickflow.backtest;

import static dev.tickflow.backtest.StrategyCsv.plain;

import dev.tickflow.schema.IndicatorSnapshot;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes indicator snapshots, one line per instance and candle, with a header line: times in epoch milliseconds,
 * decimals plainly at the scale they carry, an empty cell for an indicator still warming up (or one the strategy
 * does not have).
 */
public final class IndicatorCsvWriter extends CsvRowWriter<IndicatorSnapshot> {
    public static final String HEADER = "instance,symbol,open_time,close,sma,ema";

    public IndicatorCsvWriter(Writer out) throws IOException {
        super(out, HEADER);
    }

    @Override
    String format(IndicatorSnapshot snapshot) {
        return snapshot.getStrategyInstance() + ',' + snapshot.getSymbol() + ',' + snapshot.getOpenTime().toEpochMilli() + ','
                + plain(snapshot.getClose()) + ',' + plain(snapshot.getSma()) + ',' + plain(snapshot.getEma());
    }
}
