package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes candles of one symbol and interval in the 12 columns of Binance's kline files, with a header line.
 * Times are epoch milliseconds, decimals are written plainly (no exponent) at the scale they carry, and
 * the unused last column is 0. Candles must come in strictly increasing open time: a candle out of order
 * or twice means the topology broke its contract, and the writer says so rather than write a wrong file.
 */
public final class CandleCsvWriter implements Closeable {
    public static final String HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";

    private final Writer out;
    private long lastOpenTime = Long.MIN_VALUE;
    private long rows;

    public CandleCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    public void write(Candle candle) throws IOException {
        long openTime = candle.getOpenTime().toEpochMilli();
        if (openTime <= lastOpenTime) {
            throw new IllegalStateException("The topology emitted the " + candle.getInterval() + " candle of " + candle.getSymbol()
                    + " at open time " + openTime + (openTime == lastOpenTime ? " twice" : " after the one at " + lastOpenTime));
        }
        lastOpenTime = openTime;
        out.write(row(candle));
        out.write('\n');
        rows++;
    }

    /** One kline line, without its line end. */
    public static String row(Candle candle) {
        return new StringBuilder(160)
                .append(candle.getOpenTime().toEpochMilli()).append(',')
                .append(plain(candle.getOpen())).append(',')
                .append(plain(candle.getHigh())).append(',')
                .append(plain(candle.getLow())).append(',')
                .append(plain(candle.getClose())).append(',')
                .append(plain(candle.getVolume())).append(',')
                .append(candle.getCloseTime().toEpochMilli()).append(',')
                .append(plain(candle.getQuoteVolume())).append(',')
                .append(candle.getTradeCount()).append(',')
                .append(plain(candle.getTakerBuyVolume())).append(',')
                .append(plain(candle.getTakerBuyQuoteVolume())).append(',')
                .append('0')
                .toString();
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
