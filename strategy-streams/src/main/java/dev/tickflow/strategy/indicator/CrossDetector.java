package dev.tickflow.strategy.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Detects when a fast line crosses a slow one, from the sign of {@code fast - slow} on consecutive observations.
 * A zero difference is not a side: it keeps the previous side. So above, equal, above is no cross, and
 * below, equal, above is a cross up on the observation where the difference becomes positive. The first
 * non-zero difference only establishes the side; it is never a cross. Immutable.
 */
public record CrossDetector(Side side) {

    public enum Side { UNKNOWN, ABOVE, BELOW }

    public enum Cross { NONE, UP, DOWN }

    /** The detector after one observation and what it saw. */
    public record Observation(CrossDetector detector, Cross cross) {
    }

    public static final CrossDetector INITIAL = new CrossDetector(Side.UNKNOWN);

    public CrossDetector {
        Objects.requireNonNull(side, "side");
    }

    public Observation observe(BigDecimal fast, BigDecimal slow) {
        int sign = fast.compareTo(slow);
        Side next = sign > 0 ? Side.ABOVE : sign < 0 ? Side.BELOW : side;
        Cross cross = Cross.NONE;
        if (side == Side.BELOW && next == Side.ABOVE) {
            cross = Cross.UP;
        } else if (side == Side.ABOVE && next == Side.BELOW) {
            cross = Cross.DOWN;
        }
        return new Observation(new CrossDetector(next), cross);
    }
}
