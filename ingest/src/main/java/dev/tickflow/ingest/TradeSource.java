package dev.tickflow.ingest;

import java.util.OptionalLong;

/**
 * A source of exchange trades for a set of symbols that can change while it runs (control.symbols). It delivers
 * every trade of a subscribed symbol once and in trade-id order per symbol, from threads of its own.
 */
public interface TradeSource extends AutoCloseable {

    /** Starts delivering trades of the subscribed symbols to {@code listener}. */
    void start(TradeListener listener);

    /** Adds a symbol (upper case, e.g. BTCUSDT); a no-op when already subscribed. */
    void subscribe(String symbol);

    /** Removes a symbol; a no-op when not subscribed. */
    void unsubscribe(String symbol);

    /**
     * The source's watermark in epoch milliseconds: every trade with an earlier trade time has already been handed to
     * the listener (and nothing before it will follow). Empty while the source cannot tell yet. It may go back for a
     * while (a live source that lost its connection); the ingest publishes it only when it advances.
     */
    OptionalLong watermark();

    /** Stops delivering and releases connections and threads. */
    @Override
    void close();
}
