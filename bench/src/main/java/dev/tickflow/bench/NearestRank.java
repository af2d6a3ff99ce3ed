package dev.tickflow.bench;

import java.util.List;

/** Percentiles by nearest rank, the one definition every figure of the bench and the soak uses. */
public final class NearestRank {
    private NearestRank() {
    }

    /** The value at rank ceil(share x n) of {@code sorted} (ascending, not empty). */
    public static long percentile(List<Long> sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
