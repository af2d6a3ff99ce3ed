package dev.tickflow.executor.engine;

import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OrderManager;
import dev.tickflow.executor.oms.ThrottledLog;
import dev.tickflow.executor.reconcile.AccountWatch;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.TradingVenue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exchange (Binance): its orders live outside the executor and its market is real, so the engine runs on the wall
 * clock, meets the last trade, and never places an order without knowing whether the exchange has it already: the
 * client order id derives from the signal id, and the order is looked up by it before it is placed (an earlier run may
 * have placed it before a crash) and after a placement whose fate is unknown (5xx, timeout). Resting orders and orders
 * of unknown fate are refreshed every {@link #refreshInterval()}.
 */
public final class ExchangeVenue implements ExecutionVenue {
    /** A MARKET order the exchange still does not know this long after its signal is taken as never placed. */
    static final Duration MARKET_ORDER_LOOKUP_WINDOW = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ExchangeVenue.class);

    private final ThrottledLog failures = new ThrottledLog(log);
    private final TradingVenue adapter;
    private final Duration refreshInterval;
    private final Clock clock;
    private final AccountWatch account;

    /**
     * @param refreshInterval how often resting orders are refreshed (wall clock)
     * @param clock           the engine's clock for signals: the system's UTC clock in the service
     */
    public ExchangeVenue(TradingVenue adapter, Duration refreshInterval, Clock clock) {
        this(adapter, refreshInterval, clock, null);
    }

    /** @param account the account to reconcile with; null for none */
    public ExchangeVenue(TradingVenue adapter, Duration refreshInterval, Clock clock, AccountWatch account) {
        this.adapter = adapter;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        this.account = account;
    }

    @Override
    public Optional<AccountWatch> account() {
        return Optional.ofNullable(account);
    }

    @Override
    public void close() {
        if (account != null) {
            account.close();
        }
        adapter.close();
    }

    @Override
    public TradingVenue adapter() {
        return adapter;
    }

    /** The wall clock: the exchange's market is now, whatever the signal's time. */
    @Override
    public Instant signalClock(Instant signalTime) {
        return clock.instant();
    }

    @Override
    public Optional<Duration> refreshInterval() {
        return Optional.of(refreshInterval);
    }

    /** The latest trade that arrived, else the signal's price. */
    @Override
    public MarketSnapshot market(String symbol, BigDecimal signalPrice, Instant now, LastTradeStore lastTrades) {
        return new MarketSnapshot(lastTrades.lastTrade(symbol).map(LastTrade::price).orElse(null), signalPrice, now);
    }

    /** Keeps the trade as the symbol's market; the exchange matches its orders itself. */
    @Override
    public void onTrade(String symbol, BigDecimal price, Instant time, OrderManager orders, LastTradeStore lastTrades) {
        lastTrades.putLastTrade(symbol, new LastTrade(price, time));
    }

    /** Asks the exchange for the order first: when it has it, that is reported; when the lookup fails, nothing is placed. */
    @Override
    public boolean needsPlacing(OpenOrder order, Instant now, OrderManager orders) {
        String clientOrderId = order.request().clientOrderId();
        Optional<ExecutionReport> known;
        try {
            known = adapter.find(order.request());
        } catch (RuntimeException e) {
            failures.warn("lookup-failed", "Order {} of signal {}: cannot ask {} whether it exists ({}); it is UNKNOWN and looked up again "
                    + "at every refresh", clientOrderId, order.request().signalId(), adapter.name(), VenueFailures.describe(e));
            orders.awaitLookup(OpenOrder.fateUnknown(order.request(), order.signalPrice()));
            return false;
        }
        if (known.isPresent()) {
            log.info("Order {} of signal {} already exists at {}: reporting it instead of placing it again", clientOrderId,
                    order.request().signalId(), adapter.name());
            orders.apply(order, known.get(), now);
            return false;
        }
        return true;
    }

    /** Looks the order up instead of placing it again. */
    @Override
    public void placementUnknown(OpenOrder order, Instant now, OrderManager orders, OrderFateUnknownException cause) {
        failures.warn("placement-unknown", "Order {} of signal {}: fate unknown ({}); looking it up by client order id",
                order.request().clientOrderId(), order.request().signalId(), cause.getMessage());
        resolveUnknown(OpenOrder.fateUnknown(order.request(), order.signalPrice()), now, orders);
    }

    /**
     * Looks up every open order: resolves those of unknown fate, cancels the expired ones (EXPIRED), and brings the
     * others up to date; a resting order the exchange no longer finds becomes UNKNOWN. A call that fails leaves its order
     * as it was, for the next refresh; once the round's time budget is spent the remaining orders wait for the next.
     */
    @Override
    public void refreshResting(Instant now, OrderManager orders, LastTradeStore lastTrades) {
        for (OpenOrder order : orders.allOpenOrders()) {
            try {
                if (order.fateUnknown()) {
                    resolveUnknown(order, now, orders);
                } else if (order.isExpiredAt(now)) {
                    expire(order, now, orders);
                } else {
                    Optional<ExecutionReport> found = adapter.find(order.request());
                    if (found.isPresent()) {
                        orders.apply(order, found.get(), now);
                    } else {
                        failures.warn("order-missing", "Order {} rests in the executor but {} does not find it: it is UNKNOWN until a "
                                + "lookup finds it or it expires", order.request().clientOrderId(), adapter.name());
                        orders.awaitLookup(order.asFateUnknown());
                    }
                }
            } catch (RuntimeException e) {
                failures.warn("refresh-failed", "Refreshing order {} failed, retrying at the next refresh: {}",
                        order.request().clientOrderId(), VenueFailures.describe(e));
            }
        }
    }

    /**
     * Looks an order of unknown fate up; keeps it unknown (to be looked up again) until the exchange knows it, or answers
     * that it does not know it after the order's expiry (a MARKET order: {@link #MARKET_ORDER_LOOKUP_WINDOW} after its
     * signal); then it is given up (REJECTED). A lookup that fails is never taken as an answer.
     */
    private void resolveUnknown(OpenOrder order, Instant now, OrderManager orders) {
        Optional<ExecutionReport> found;
        try {
            found = adapter.find(order.request());
        } catch (RuntimeException e) {
            failures.warn("lookup-failed", "Order {}: looking it up failed ({}); it stays UNKNOWN until the next refresh",
                    order.request().clientOrderId(), VenueFailures.describe(e));
            orders.awaitLookup(order);
            return;
        }
        if (found.isPresent()) {
            log.info("Order {} of unknown fate found at {}: {}", order.request().clientOrderId(), adapter.name(), found.get().status());
            OpenOrder known = new OpenOrder(order.request(), order.exchangeOrderId(), order.status(), order.filledQuantity(),
                    order.fillsSeen(), false, order.signalPrice());
            orders.apply(known, found.get(), now);
        } else if (order.isExpiredAt(now) || order.request().type() == OrderType.MARKET && isUnknownTooLong(order, now)) {
            orders.abandon(order, "order-fate-unknown: " + adapter.name() + " does not know the order after placing it failed", now);
        } else {
            orders.awaitLookup(order);
        }
    }

    private static boolean isUnknownTooLong(OpenOrder order, Instant now) {
        Instant since = order.request().createdAt() != null ? order.request().createdAt() : now;
        return Duration.between(since, now).compareTo(MARKET_ORDER_LOOKUP_WINDOW) > 0;
    }
}
