package dev.tickflow.executor.portfolio;

import java.util.Map;
import java.util.Optional;

/** Where the positions are kept: a state store in the service. */
public interface PositionStore {

    Optional<PositionRecord> position(String instance, String symbol);

    void putPosition(String instance, String symbol, PositionRecord position);

    /** Every instance's position in {@code symbol}, by instance. */
    Map<String, PositionRecord> positionsOf(String symbol);
}
