package dev.tickflow.ingest.binance;

/** The last trade of a symbol already written (in md.trades): a restarted live source continues after it. */
public record ResumePoint(long lastTradeId, long lastTradeTimeMs) {
}
