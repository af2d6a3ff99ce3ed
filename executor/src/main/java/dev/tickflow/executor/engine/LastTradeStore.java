package dev.tickflow.executor.engine;

import java.util.Optional;

/** Where the latest md.trades price of each symbol is kept (an exchange venue's market): a state store in the service. */
public interface LastTradeStore {

    Optional<LastTrade> lastTrade(String symbol);

    void putLastTrade(String symbol, LastTrade trade);
}
