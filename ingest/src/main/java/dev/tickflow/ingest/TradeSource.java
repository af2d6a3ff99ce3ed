package dev.tickflow.ingest;

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

    /** Stops delivering and releases connections and threads. */
    @Override
    void close();
}
