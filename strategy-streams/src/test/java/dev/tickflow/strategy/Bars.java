package dev.tickflow.strategy;

import dev.tickflow.strategy.api.Bar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Candles for tests: one per minute from {@link #START}, flat at the close unless open, high and low are given. A flat candle
 * below a stop is a gap (it opened there): the stop loss exits at its open.
 */
public final class Bars {

    /** 2026-01-15T10:00:00Z. */
    public static final long START = 1_768_471_200_000L;
    public static final long MINUTE = 60_000L;
    public static final String SYMBOL = "BTCUSDT";

    private Bars() {
    }

    public static BigDecimal price(String value) {
        return new BigDecimal(value).setScale(8);
    }

    public static long openTime(int index) {
        return START + index * MINUTE;
    }

    public static Bar bar(int index, String close) {
        return bar(index, close, close, close);
    }

    /** A candle that opens at its close. */
    public static Bar bar(int index, String high, String low, String close) {
        return bar(index, close, high, low, close);
    }

    public static Bar bar(int index, String open, String high, String low, String close) {
        return new Bar(SYMBOL, openTime(index), openTime(index) + MINUTE - 1, price(open), price(high), price(low), price(close),
                price("1"), false);
    }

    public static List<Bar> closes(String... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(bar(i, closes[i]));
        }
        return bars;
    }

    /** Ten closes at 100 (SMA 10 and EMA 5 ready and equal), a dip, a cross up at index 13 (close 104), a rally. */
    public static final String[] WARM_UP_DIP_AND_RALLY = {"100", "100", "100", "100", "100", "100", "100", "100", "100", "100",
        "99", "98", "97", "104", "120", "140", "160"};

    /**
     * {@link #WARM_UP_DIP_AND_RALLY}, then a close of 93 at index 17 (stop of B at 104 x 0.9 = 93.6, not of A at 88.4) while
     * the EMA stays above the SMA, a recovery without a new cross (18-20), a cross down at 21, a new cross up at 28.
     */
    public static final String[] DIVERGING = concat(WARM_UP_DIP_AND_RALLY,
            "93", "120", "125", "110", "100", "95", "90", "94", "99", "104", "110", "112");

    public static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
