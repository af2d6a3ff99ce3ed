package dev.tickflow.executor.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the positions are kept: a state store in the service. */
public interface PositionStore {

    Optional<PositionRecord> position(String instance, String symbol);

    void putPosition(String instance, String symbol, PositionRecord position);

    /** Every instance's position in {@code symbol}, by instance. */
    Map<String, PositionRecord> positionsOf(String symbol);

    /** Every position of every instance, in the order of their symbols, then instances. */
    List<Entry> allPositions();

    /** The net PnL summed over the instance's positions: as {@link NetPnlTotals#of}, without going through them. */
    BigDecimal netPnlOf(String instance);

    /** The net PnL summed over every position. */
    BigDecimal accountNetPnl();

    record Entry(String instance, String symbol, PositionRecord record) {
    }
}
