package dev.tickflow.ingest.replay;

import dev.tickflow.schema.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;

/**
 * Turns one line of a Binance trades or aggTrades file into a {@link Trade}. Prices and quantities are
 * read exactly ({@code new BigDecimal(text)}); a value with more decimals than the schema holds is refused
 * unless the extra digits are zeros. Replayed trades carry eventTime = ingestTime = tradeTime.
 */
public final class BinanceTradeLineParser {
    public static final String EXCHANGE = "binance";

    private static final int PRICE_SCALE = decimalScale("price");
    private static final int QUANTITY_SCALE = decimalScale("quantity");

    private final String symbol;

    public BinanceTradeLineParser(String symbol) {
        this.symbol = symbol;
    }

    /** Splits a line at its commas; Binance's files have no quoting. */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(8);
        int start = 0;
        int comma;
        while ((comma = line.indexOf(',', start)) >= 0) {
            fields.add(line.substring(start, comma).trim());
            start = comma + 1;
        }
        fields.add(line.substring(start).trim());
        return fields;
    }

    /** Whether a first line is a header: its first field is not a number. */
    public static boolean isHeader(List<String> fields) {
        return !isInteger(fields.get(0));
    }

    /**
     * Parses the fields of one data line in the given layout.
     *
     * @throws IllegalArgumentException describing the problem (the caller adds file and line)
     */
    public Trade parse(List<String> fields, BinanceCsvLayout layout) {
        if (fields.size() != layout.columns()) {
            throw new IllegalArgumentException("expected " + layout.columns() + " columns (" + layout.fileKind()
                    + " layout, as the file's first line), found " + fields.size());
        }
        return switch (layout) {
            case AGG_TRADES -> aggTrade(fields);
            case TRADES -> rawTrade(fields);
        };
    }

    private Trade aggTrade(List<String> f) {
        long aggTradeId = id(f.get(0), "agg_trade_id");
        long firstTradeId = id(f.get(3), "first_trade_id");
        long lastTradeId = id(f.get(4), "last_trade_id");
        if (lastTradeId < firstTradeId) {
            throw new IllegalArgumentException("last_trade_id " + lastTradeId + " is below first_trade_id " + firstTradeId);
        }
        return trade(aggTradeId, firstTradeId, lastTradeId, f.get(1), f.get(2), f.get(5), f.get(6));
    }

    private Trade rawTrade(List<String> f) {
        long id = id(f.get(0), "id");
        return trade(id, id, id, f.get(1), f.get(2), f.get(4), f.get(5));
    }

    private Trade trade(long tradeId, long firstTradeId, long lastTradeId, String price, String quantity, String time, String buyerIsMaker) {
        Instant tradeTime = Instant.ofEpochMilli(BinanceTimestamps.toEpochMilli(id(time, "time")));
        return Trade.newBuilder()
                .setExchange(EXCHANGE)
                .setSymbol(symbol)
                .setTradeId(tradeId)
                .setFirstTradeId(firstTradeId)
                .setLastTradeId(lastTradeId)
                .setPrice(positiveDecimal(price, "price", PRICE_SCALE))
                .setQuantity(positiveDecimal(quantity, "quantity", QUANTITY_SCALE))
                .setTradeTime(tradeTime)
                .setBuyerIsMaker(bool(buyerIsMaker, "is_buyer_maker"))
                .setEventTime(tradeTime)
                .setIngestTime(tradeTime)
                .build();
    }

    private static long id(String text, String column) {
        if (!isInteger(text)) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a whole number");
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException(column + " " + text + " is negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is out of range");
        }
    }

    private static BigDecimal positiveDecimal(String text, String column, int maxScale) {
        BigDecimal value = plainDecimal(text);
        if (value == null) {
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + text + "' is not a decimal number");
            }
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(column + " " + text + " is not positive");
        }
        if (value.scale() > maxScale) {
            try {
                value = value.setScale(maxScale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(column + " " + text + " has more than " + maxScale + " decimals");
            }
        }
        return value;
    }

    /**
     * The value of digits with at most one point and at most 18 digits, as {@code new BigDecimal(text)} gives it (same
     * unscaled value and scale) without its general parsing; null for any other text (signs, exponents, more digits).
     */
    static BigDecimal plainDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > 19) {
            return null;
        }
        long unscaled = 0;
        int digits = 0;
        int point = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > 18) {
            return null;
        }
        return BigDecimal.valueOf(unscaled, point < 0 ? 0 : length - point - 1);
    }

    private static boolean bool(String text, String column) {
        return switch (text) {
            case "True", "true" -> true;
            case "False", "false" -> false;
            default -> throw new IllegalArgumentException(column + " '" + text + "' is not True/False/true/false");
        };
    }

    private static boolean isInteger(String text) {
        if (text.isEmpty()) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int decimalScale(String field) {
        return ((LogicalTypes.Decimal) Trade.getClassSchema().getField(field).schema().getLogicalType()).getScale();
    }
}
