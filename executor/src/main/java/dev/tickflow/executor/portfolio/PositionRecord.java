package dev.tickflow.executor.portfolio;

import java.util.Objects;

/**
 * What the executor keeps per strategy instance and symbol: the position, the watermarks of its net PnL (null before the
 * first fill), and the trade-time minute it was last marked to market in (Long.MIN_VALUE before any).
 */
public record PositionRecord(PositionState position, PnlWatermarks watermarks, long lastMarkMinute) {

    public PositionRecord {
        Objects.requireNonNull(position, "position");
    }

    public static PositionRecord flat() {
        return new PositionRecord(PositionState.flat(), null, Long.MIN_VALUE);
    }
}
