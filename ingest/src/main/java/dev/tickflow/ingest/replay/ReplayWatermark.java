package dev.tickflow.ingest.replay;

import java.util.OptionalLong;

/**
 * The watermark of a replay. The files are read in the order given, each in trade-time order, so once a trade was
 * handed on every trade before its trade time was too: the watermark is the trade time of the last trade handed on
 * (never going back, should a later file start earlier). A finished replay has delivered all its history: its
 * watermark is then the wall clock, which lets the consumers close the last minute.
 */
final class ReplayWatermark {
    private long deliveredBefore = Long.MIN_VALUE;
    private boolean finished;

    synchronized void delivered(long tradeTimeMs) {
        deliveredBefore = Math.max(deliveredBefore, tradeTimeMs);
    }

    synchronized void finished() {
        finished = true;
    }

    synchronized OptionalLong at(long wallClockMs) {
        if (finished) {
            return OptionalLong.of(Math.max(deliveredBefore, wallClockMs));
        }
        return deliveredBefore == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(deliveredBefore);
    }
}
