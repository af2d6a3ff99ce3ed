package dev.tickflow.executor.engine;

import dev.tickflow.executor.risk.RiskState;

import dev.tickflow.executor.portfolio.PositionRecord;

import dev.tickflow.executor.oms.OpenOrder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The executor's state, kept in Kafka Streams state stores in the service (one task's share of it). */
public interface ExecutorState {

    Optional<PositionRecord> position(String instance, String symbol);

    void putPosition(String instance, String symbol, PositionRecord position);

    /** Every instance's position in {@code symbol}, by instance. */
    Map<String, PositionRecord> positionsOf(String symbol);

    Optional<OpenOrder> openOrder(String instance, String symbol);

    void putOpenOrder(OpenOrder order);

    void removeOpenOrder(String instance, String symbol);

    List<OpenOrder> openOrdersOf(String symbol);

    List<OpenOrder> allOpenOrders();

    /** The risk state under {@code key}: an instance, or {@link ExecutionEngine#ALL_INSTANCES}. */
    RiskState risk(String key);

    void putRisk(String key, RiskState state);

    Optional<LastTrade> lastTrade(String symbol);

    void putLastTrade(String symbol, LastTrade trade);
}
