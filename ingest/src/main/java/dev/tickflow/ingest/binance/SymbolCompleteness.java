package dev.tickflow.ingest.binance;

import java.util.Collection;

/**
 * How far one symbol's trades are known to be delivered, for the live source's watermark. While the symbol is live
 * (connected, no backfill running, no hole) nothing is missing up to the wall clock. While it is caught up through
 * REST, waits for a connection or has a hole, it is complete only before the trade time of its last delivered trade
 * (trade times do not decrease with the id), or, before any, before the time it was subscribed or resumed from.
 * Written by the source's loop thread, read by the watermark's.
 */
final class SymbolCompleteness {
    private volatile boolean live;
    private volatile long completeBefore;

    /** @param completeBeforeMs the time before which nothing of the symbol will come (its subscription, or its resume point's trade time) */
    SymbolCompleteness(long completeBeforeMs) {
        this.completeBefore = completeBeforeMs;
    }

    /** A trade was handed on: everything before its trade time was. */
    void delivered(long tradeTimeMs) {
        completeBefore = Math.max(completeBefore, tradeTimeMs);
    }

    /** The stream delivers this symbol again, with nothing missing. */
    void live() {
        live = true;
    }

    /** The symbol waits for a connection, a catch-up or a hole to be filled. */
    void catchingUp() {
        live = false;
    }

    boolean isLive() {
        return live;
    }

    /** Before which time every trade of this symbol was delivered, when the wall clock shows {@code nowMs}. */
    long completeBefore(long nowMs) {
        return live ? nowMs : Math.min(nowMs, completeBefore);
    }

    /**
     * The live source's watermark: the wall clock, held back to the least complete symbol. {@code liveUpToMs} is the
     * wall clock, or, while the event loop is busy backfilling (stream messages then queue), the time it started.
     */
    static long watermark(long liveUpToMs, Collection<SymbolCompleteness> symbols) {
        long watermark = liveUpToMs;
        for (SymbolCompleteness symbol : symbols) {
            watermark = Math.min(watermark, symbol.completeBefore(liveUpToMs));
        }
        return watermark;
    }
}
