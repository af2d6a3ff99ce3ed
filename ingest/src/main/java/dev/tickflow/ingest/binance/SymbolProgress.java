package dev.tickflow.ingest.binance;

import java.time.Instant;

/**
 * Progress of one symbol, for metrics and logs: a snapshot taken by {@link BinanceSource#progress()}.
 *
 * @param trades trades delivered (stream and backfill)
 * @param backfilledTrades of those, trades fetched from REST
 * @param lastTradeId last delivered aggregate trade id, -1 before the first
 * @param lastTradeTime trade time of the last delivered trade, null before the first
 * @param gapsFilled holes (after a reconnect or in the stream) closed through REST
 * @param gapsReported ranges that could not be recovered and went to onGap
 * @param duplicatesDropped stream or REST trades at or below the last delivered id
 * @param reconnects connection replacements (close, failure, silence, serverShutdown, rotation) since the symbol
 *     was subscribed; all symbols share one connection
 */
public record SymbolProgress(
        String symbol,
        long trades,
        long backfilledTrades,
        long lastTradeId,
        Instant lastTradeTime,
        long gapsFilled,
        long gapsReported,
        long duplicatesDropped,
        long reconnects) {
}
