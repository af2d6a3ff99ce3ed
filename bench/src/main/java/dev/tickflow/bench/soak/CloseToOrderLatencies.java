package dev.tickflow.bench.soak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The close-to-order latency of each new order: when its first event became visible, minus its candle's end plus the
 * aggregation's grace (the moment the candle can close at the earliest). The candle comes from the signal id
 * ({@code instance:symbol:candleOpenMillis}). Not measured: orders without a signal (operator commands), an order's
 * later events, and orders visible before their candle could close, which a market simulated faster than real time
 * gives; those are only counted. Safe for one writer and one reader.
 */
final class CloseToOrderLatencies {
    private static final long CANDLE_MS = 60_000;

    private final long graceMs;
    private final Set<String> seen = new HashSet<>();
    private final List<Long> latencies = new ArrayList<>();
    private volatile long aheadOfTheClock;

    CloseToOrderLatencies(long graceMs) {
        this.graceMs = graceMs;
    }

    void observe(String clientOrderId, String signalId, long visibleAtMs) {
        Long candleOpen = candleOpenMillis(signalId);
        if (candleOpen == null || !seen.add(clientOrderId)) {
            return;
        }
        long latency = visibleAtMs - (candleOpen + CANDLE_MS + graceMs);
        if (latency < 0) {
            aheadOfTheClock++;
            return;
        }
        synchronized (latencies) {
            latencies.add(latency);
        }
    }

    /** The candle open time of a signal id, null for none. */
    static Long candleOpenMillis(String signalId) {
        if (signalId == null) {
            return null;
        }
        int last = signalId.lastIndexOf(':');
        try {
            return last < 0 ? null : Long.parseLong(signalId.substring(last + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The latencies measured since the last call, in milliseconds. */
    List<Long> drain() {
        synchronized (latencies) {
            List<Long> drained = new ArrayList<>(latencies);
            latencies.clear();
            return drained;
        }
    }

    /** Orders seen before their candle could close by this machine's clock: the market runs ahead of it. */
    long aheadOfTheClock() {
        return aheadOfTheClock;
    }
}
