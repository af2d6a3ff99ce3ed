package dev.tickflow.aggregate;

import java.util.Arrays;

/**
 * The trade ids seen of one symbol, as sorted, disjoint, non-adjacent closed ranges [lo, hi]. Exchange trade ids
 * are contiguous per symbol, so this is usually a single range however many trades it covers.
 */
final class TradeIdRanges {
    /** At most this many ranges are kept; beyond it the lowest are dropped (ids would have to be very sparse). */
    static final int MAX_RANGES = 64;

    private long[] bounds;
    private int count;

    TradeIdRanges() {
        this(new long[8], 0);
    }

    private TradeIdRanges(long[] bounds, int count) {
        this.bounds = bounds;
        this.count = count;
    }

    /** From lo0, hi0, lo1, hi1, ... in ascending order. */
    static TradeIdRanges of(long... bounds) {
        return new TradeIdRanges(Arrays.copyOf(bounds, Math.max(8, bounds.length)), bounds.length / 2);
    }

    int size() {
        return count;
    }

    long lo(int range) {
        return bounds[2 * range];
    }

    long hi(int range) {
        return bounds[2 * range + 1];
    }

    long max() {
        return count == 0 ? Long.MIN_VALUE : hi(count - 1);
    }

    boolean contains(long id) {
        int range = rangeAtOrBelow(id);
        return range >= 0 && id <= hi(range);
    }

    /** Adds an id; returns false when it was already there. */
    boolean add(long id) {
        int below = rangeAtOrBelow(id);
        if (below >= 0 && id <= hi(below)) {
            return false;
        }
        boolean joinsBelow = below >= 0 && hi(below) == id - 1;
        boolean joinsAbove = below + 1 < count && lo(below + 1) == id + 1;
        if (joinsBelow && joinsAbove) {
            bounds[2 * below + 1] = hi(below + 1);
            remove(below + 1);
        } else if (joinsBelow) {
            bounds[2 * below + 1] = id;
        } else if (joinsAbove) {
            bounds[2 * (below + 1)] = id;
        } else {
            insert(below + 1, id, id);
        }
        if (count > MAX_RANGES) {
            remove(0);
        }
        return true;
    }

    /** Forgets every id below {@code floor}. */
    void forgetBelow(long floor) {
        int drop = 0;
        while (drop < count && hi(drop) < floor) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(bounds, 2 * drop, bounds, 0, 2 * (count - drop));
            count -= drop;
        }
        if (count > 0 && lo(0) < floor) {
            bounds[0] = floor;
        }
    }

    /** Index of the last range whose lo <= id, or -1. Checks the newest range first: ids mostly arrive in order. */
    private int rangeAtOrBelow(long id) {
        if (count == 0) {
            return -1;
        }
        if (lo(count - 1) <= id) {
            return count - 1;
        }
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (lo(mid) <= id) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }

    private void insert(int range, long lo, long hi) {
        if (2 * (count + 1) > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        System.arraycopy(bounds, 2 * range, bounds, 2 * range + 2, 2 * (count - range));
        bounds[2 * range] = lo;
        bounds[2 * range + 1] = hi;
        count++;
    }

    private void remove(int range) {
        System.arraycopy(bounds, 2 * range + 2, bounds, 2 * range, 2 * (count - range - 1));
        count--;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int range = 0; range < count; range++) {
            text.append(range == 0 ? "" : ", ").append(lo(range)).append("..").append(hi(range));
        }
        return text.append(']').toString();
    }
}
