package dev.tickflow.ingest;

import dev.tickflow.schema.Trade;

/** Receives what a {@link TradeSource} produces. */
public interface TradeListener {

    /** One trade; per symbol in trade-id order, each once. */
    void onTrade(Trade trade);

    /** Trades {@code fromTradeId}..{@code toTradeId} of {@code symbol} are missing and could not be recovered. */
    void onGap(String symbol, long fromTradeId, long toTradeId, String reason);
}
