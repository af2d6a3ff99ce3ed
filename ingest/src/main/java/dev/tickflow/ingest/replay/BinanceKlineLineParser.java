package dev.tickflow.ingest.replay;

import dev.tickflow.schema.Candle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.LogicalTypes;

/**
 * Turns one line of a Binance klines file into a {@link Candle}. Two layouts, by column count:
 * <ul>
 *   <li>12 columns, Binance's public data: {@code open_time,open,high,low,close,volume,close_time,quote_volume,count,
 *       taker_buy_volume,taker_buy_quote_volume,ignore};</li>
 *   <li>6 columns, {@code open_time,open,high,low,close,volume}: the missing columns become zero, and close_time
 *       is open_time + interval - 1 ms.</li>
 * </ul>
 * Times are milliseconds or microseconds ({@link BinanceTimestamps}). Decimals are read exactly; a value with more
 * decimals than the schema holds is refused unless the extra digits are zeros. A kline without volume is marked
 * {@code filled} (flat, no trades), like the aggregation's gap-filled candles.
 */
public final class BinanceKlineLineParser {
    public static final int FULL_COLUMNS = 12;
    public static final int SHORT_COLUMNS = 6;

    private static final int PRICE_SCALE = decimalScale("close");
    private static final int VOLUME_SCALE = decimalScale("volume");
    private static final int QUOTE_SCALE = decimalScale("quoteVolume");

    private final String symbol;
    private final String interval;
    private final long intervalMillis;

    /**
     * @param interval the klines' interval in Binance notation (such as {@code 1m}) and its length
     */
    public BinanceKlineLineParser(String symbol, String interval, Duration length) {
        this.symbol = symbol;
        this.interval = interval;
        this.intervalMillis = length.toMillis();
    }

    /**
     * Parses the fields of one data line.
     *
     * @throws IllegalArgumentException describing the problem (the caller adds file and line)
     */
    public Candle parse(List<String> fields) {
        boolean full = fields.size() == FULL_COLUMNS;
        if (!full && fields.size() != SHORT_COLUMNS) {
            throw new IllegalArgumentException("expected " + FULL_COLUMNS + " columns (klines) or " + SHORT_COLUMNS
                    + " (open_time,open,high,low,close,volume), found " + fields.size());
        }
        long openTime = time(fields.get(0), "open_time");
        long closeTime = full ? time(fields.get(6), "close_time") : openTime + intervalMillis - 1;
        if (closeTime < openTime) {
            throw new IllegalArgumentException("close_time " + closeTime + " is before open_time " + openTime);
        }
        BigDecimal open = decimal(fields.get(1), "open", PRICE_SCALE, true);
        BigDecimal high = decimal(fields.get(2), "high", PRICE_SCALE, true);
        BigDecimal low = decimal(fields.get(3), "low", PRICE_SCALE, true);
        BigDecimal close = decimal(fields.get(4), "close", PRICE_SCALE, true);
        if (high.compareTo(low) < 0 || high.compareTo(open) < 0 || high.compareTo(close) < 0
                || low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            throw new IllegalArgumentException("high " + high.toPlainString() + " and low " + low.toPlainString()
                    + " do not enclose open and close");
        }
        BigDecimal volume = decimal(fields.get(5), "volume", VOLUME_SCALE, false);
        BigDecimal zero = BigDecimal.ZERO;
        long count = full ? count(fields.get(8)) : 0;
        return Candle.newBuilder()
                .setExchange(BinanceTradeLineParser.EXCHANGE)
                .setSymbol(symbol)
                .setInterval(interval)
                .setOpenTime(Instant.ofEpochMilli(openTime))
                .setCloseTime(Instant.ofEpochMilli(closeTime))
                .setOpen(open)
                .setHigh(high)
                .setLow(low)
                .setClose(close)
                .setVolume(volume)
                .setQuoteVolume(full ? decimal(fields.get(7), "quote_volume", QUOTE_SCALE, false) : zero.setScale(QUOTE_SCALE))
                .setTradeCount(count)
                .setTakerBuyVolume(full ? decimal(fields.get(9), "taker_buy_volume", VOLUME_SCALE, false) : zero.setScale(VOLUME_SCALE))
                .setTakerBuyQuoteVolume(full ? decimal(fields.get(10), "taker_buy_quote_volume", QUOTE_SCALE, false)
                        : zero.setScale(QUOTE_SCALE))
                .setFirstTradeId(-1)
                .setLastTradeId(-1)
                .setFilled(volume.signum() == 0 && count == 0)
                .build();
    }

    private static long time(String text, String column) {
        try {
            return BinanceTimestamps.toEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a whole number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + ": " + e.getMessage());
        }
    }

    private static long count(String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("count '" + text + "' is not a whole number of 0 or more");
    }

    /** An exact decimal at the schema's scale: positive for prices, 0 or more for volumes. */
    private static BigDecimal decimal(String text, String column, int scale, boolean positive) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a decimal number");
        }
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            throw new IllegalArgumentException(column + " " + text + (positive ? " is not positive" : " is negative"));
        }
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(column + " " + text + " has more than " + scale + " decimals");
        }
    }

    private static int decimalScale(String field) {
        return ((LogicalTypes.Decimal) Candle.getClassSchema().getField(field).schema().getLogicalType()).getScale();
    }
}
