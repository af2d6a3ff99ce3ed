package dev.tickflow.backtest.report;

import java.util.Arrays;

/** A growable array of doubles (a chart's values without boxing). */
final class DoubleSeries {
    private double[] values = new double[1024];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
