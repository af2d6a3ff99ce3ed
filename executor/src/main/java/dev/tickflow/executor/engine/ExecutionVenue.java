package dev.tickflow.executor.engine;

import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OrderManager;
import dev.tickflow.executor.reconcile.AccountWatch;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.TradingVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the engine meets the venue its orders go to, around the venue's adapter ({@link TradingVenue}). The engine never
 * asks which kind of venue it has; the two kinds differ here:
 * <ul>
 *   <li>{@link SimulatedVenue} (paper): the clock is event time, the market of an order is its signal's, trades match
 *       resting orders, and the venue holds no order of its own, so nothing is looked up.</li>
 *   <li>{@link ExchangeVenue} (Binance): the clock is the wall clock, the market is the last trade, an order is looked
 *       up by client order id before it is placed and after a placement of unknown fate, and a wall-clock punctuator
 *       refreshes resting orders.</li>
 * </ul>
 * Called from one thread per task; {@code orders} and {@code lastTrades} are that task's.
 */
public interface ExecutionVenue extends AutoCloseable {

    /** The adapter orders go through. */
    TradingVenue adapter();

    /** The engine's clock for a signal of event time {@code signalTime}. */
    Instant signalClock(Instant signalTime);

    /** How often resting orders are refreshed on the wall clock ({@link #refreshResting}); empty when trades drive them. */
    Optional<Duration> refreshInterval();

    /** The market an order of a signal at {@code signalPrice} meets at {@code now}. */
    MarketSnapshot market(String symbol, BigDecimal signalPrice, Instant now, LastTradeStore lastTrades);

    /** What a trade of md.trades does at the venue (the engine marks positions afterwards). */
    void onTrade(String symbol, BigDecimal price, Instant time, OrderManager orders, LastTradeStore lastTrades);

    /**
     * Whether {@code order}, which passed the risk checks, must still be placed: false when the venue already has it
     * (then reported as it is) or cannot tell (then kept to be looked up).
     */
    boolean needsPlacing(OpenOrder order, Instant now, OrderManager orders);

    /** Placing {@code order} failed without an answer whether the venue took it. */
    void placementUnknown(OpenOrder order, Instant now, OrderManager orders, OrderFateUnknownException cause);

    /** Every {@link #refreshInterval()} on the wall clock: brings the open orders up to date with the venue. */
    void refreshResting(Instant now, OrderManager orders, LastTradeStore lastTrades);

    /** The exchange account to reconcile with; empty for a simulated venue, which holds nothing of its own. */
    default Optional<AccountWatch> account() {
        return Optional.empty();
    }

    /** Cancels a resting order (a signal the other way). */
    default void cancel(OpenOrder order, Instant now, OrderManager orders) {
        orders.apply(order, adapter().cancel(order.request()), now);
    }

    /** Cancels a resting order past its expiry: it ends EXPIRED. */
    default void expire(OpenOrder order, Instant now, OrderManager orders) {
        orders.expire(order, adapter().cancel(order.request()), now);
    }

    @Override
    default void close() {
        adapter().close();
    }
}
