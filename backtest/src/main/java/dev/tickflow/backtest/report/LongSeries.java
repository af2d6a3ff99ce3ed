package dev.tickflow.backtest.report;

import java.util.Arrays;

/** A growable array of longs (a chart's time axis without boxing). */
final class LongSeries {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
