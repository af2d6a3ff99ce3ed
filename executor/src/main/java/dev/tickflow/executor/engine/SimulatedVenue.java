package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OrderManager;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.TradingVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A venue the executor simulates (the paper venue), on event time only: every output is a function of the event times
 * and values of the signals and trades, never of their arrival order, stream time or the wall clock, so a backtest and
 * the live service give the same orders and fills (docs/executor.md, "Fill model").
 */
public final class SimulatedVenue implements ExecutionVenue {
    private final TradingVenue adapter;

    public SimulatedVenue(TradingVenue adapter) {
        this.adapter = adapter;
    }

    @Override
    public TradingVenue adapter() {
        return adapter;
    }

    /** The signal's own time (its candle's close). */
    @Override
    public Instant signalClock(Instant signalTime) {
        return signalTime;
    }

    /** None: trades drive resting orders. */
    @Override
    public Optional<Duration> refreshInterval() {
        return Optional.empty();
    }

    /**
     * The market as of the signal's event time: its price, the close of its candle, i.e. the last trade before the
     * candle's end. Never the latest trade that arrived, which live is already of the next minute (candles close after
     * their grace period) and in a backtest depends on the replay's order.
     */
    @Override
    public MarketSnapshot market(String symbol, BigDecimal signalPrice, Instant now, LastTradeStore lastTrades) {
        return new MarketSnapshot(null, signalPrice, now);
    }

    /**
     * Each resting order of the symbol whose time is before the trade's is expired when the trade's time is at or past
     * its expiry, else matched against the trade. A trade not after an order's time is before the order in event time.
     */
    @Override
    public void onTrade(String symbol, BigDecimal price, Instant time, OrderManager orders, LastTradeStore lastTrades) {
        for (OpenOrder order : orders.openOrdersOf(symbol)) {
            if (order.request().createdAt() != null && !time.isAfter(order.request().createdAt())) {
                continue;
            }
            if (order.isExpiredAt(time)) {
                expire(order, time, orders);
            } else {
                orders.apply(order, adapter.refresh(order.request(), order.trigger(), new MarketSnapshot(price, order.signalPrice(), time)), time);
            }
        }
    }

    /** Always: the simulated venue holds no order of its own to look up. */
    @Override
    public boolean needsPlacing(OpenOrder order, Instant now, OrderManager orders) {
        return true;
    }

    /** Cannot happen: the simulated venue always answers. */
    @Override
    public void placementUnknown(OpenOrder order, Instant now, OrderManager orders, OrderFateUnknownException cause) {
        throw cause;
    }

    /** Nothing: never scheduled, see {@link #refreshInterval()}. */
    @Override
    public void refreshResting(Instant now, OrderManager orders, LastTradeStore lastTrades) {
    }
}
