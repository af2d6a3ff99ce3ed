package dev.tickflow.backtest;

import java.math.BigDecimal;

/** Cell formatting shared by the strategy CSV files: decimals plainly at their scale, null as an empty cell. */
final class StrategyCsv {
    private StrategyCsv() {
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
