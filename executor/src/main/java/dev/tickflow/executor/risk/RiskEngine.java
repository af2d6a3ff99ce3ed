package dev.tickflow.executor.risk;

import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Risk: the pre-trade checks of every order ({@link PreTradeRisk} with the instance's {@link RiskLimits}), the rate
 * window of the orders sent, and the trading state of each instance, which the loss limits move from ACTIVE to
 * REDUCING (the instance's, or every instance's with {@link RiskPolicy.HaltScope#ALL}).
 */
public final class RiskEngine {
    /** The risk-state key of a halt of every instance. */
    public static final String ALL_INSTANCES = "*";
    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final RiskPolicy policy;
    private final RiskStore store;

    public RiskEngine(RiskPolicy policy, RiskStore store) {
        this.policy = policy;
        this.store = store;
    }

    /**
     * The rule {@code order} breaks, if any.
     *
     * @param position   the instance's quantity in the symbol before the order
     * @param price      the price its notionals are computed at: the limit price, or the market's reference price
     * @param now        the engine's clock
     * @param openOrders the instance's open orders
     * @param filters    the venue's rules for the symbol, if it has any
     */
    public Optional<Rejection> check(OrderRequest order, BigDecimal position, BigDecimal price, Instant now, int openOrders,
                                     Optional<SymbolFilters> filters) {
        String instance = order.strategyInstance();
        PreTradeRisk.Context context = new PreTradeRisk.Context(position, price, order.createdAt(), now, openOrders,
                store.risk(instance).recentOrders(), haltOf(instance, now), filters);
        return PreTradeRisk.check(order, policy.limitsOf(instance), context);
    }

    /** The {@code stale-signal} rejection of the instance's signal decided at {@code signalTime}, if it is too old at {@code now}. */
    public Optional<Rejection> staleSignal(String instance, Instant signalTime, Instant now) {
        return PreTradeRisk.staleSignal(policy.limitsOf(instance), signalTime, now);
    }

    /** Counts an order the instance sends to the venue at {@code now} in its rate window. */
    public void orderSent(String instance, Instant now) {
        store.putRisk(instance, store.risk(instance).withOrderAt(now, PreTradeRisk.RATE_WINDOW));
    }

    /** Watches the net PnL of a changed position: a breached loss limit halts (REDUCING) unless a halt is already in force. */
    public void onPosition(String instance, String symbol, PositionRecord position, Instant now) {
        Optional<Halt> breach = LossLimits.breach(policy.limitsOf(instance), position.watermarks(), position.position().netPnl());
        if (breach.isPresent() && haltOf(instance, now).isEmpty()) {
            String key = policy.haltScope() == RiskPolicy.HaltScope.ALL ? ALL_INSTANCES : instance;
            log.warn("HALTED {} ({} in {}): {}; trading is {}", key, instance, symbol, breach.get().reason(), breach.get().state());
            store.putRisk(key, store.risk(key).withHalt(breach.get()));
        }
    }

    public TradingState tradingState(String instance, Instant now) {
        return haltOf(instance, now).map(Halt::state).orElse(TradingState.ACTIVE);
    }

    /** The instance's own halt in force, else one of every instance. */
    private Optional<Halt> haltOf(String instance, Instant now) {
        Halt own = store.risk(instance).halt();
        if (own != null && own.inForceAt(now)) {
            return Optional.of(own);
        }
        Halt all = store.risk(ALL_INSTANCES).halt();
        return all != null && all.inForceAt(now) ? Optional.of(all) : Optional.empty();
    }
}
