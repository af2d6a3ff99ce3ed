package dev.tickflow.executor.risk;

import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.executor.control.OpsOutput;
import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.portfolio.PnlWatermarks;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.portfolio.PositionStore;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Risk over the whole account (one engine sees every symbol and instance): the pre-trade checks of every order (a pause,
 * {@link PreTradeRisk} with the instance's {@link RiskLimits}, then {@link PortfolioRisk} over all symbols), the rate
 * windows of the instances and of the account, and the trading state of each instance, which the loss limits on the
 * net PnL summed over an instance's symbols (or the account's) move from ACTIVE to REDUCING. Operators pause, resume
 * and lift halts.
 */
public final class RiskEngine {
    /** The risk-state key of the whole account: its halt, pause, rate window and PnL watermarks. */
    public static final String ALL_INSTANCES = "*";
    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final RiskPolicy policy;
    private final RiskStore store;
    private final PositionStore positions;
    private final OpenOrderStore openOrders;
    private final OpsOutput ops;

    public RiskEngine(RiskPolicy policy, RiskStore store, PositionStore positions, OpenOrderStore openOrders, OpsOutput ops) {
        this.policy = policy;
        this.store = store;
        this.positions = positions;
        this.openOrders = openOrders;
        this.ops = ops;
    }

    /**
     * The rule {@code order} breaks, if any.
     *
     * @param position   the instance's quantity in the symbol before the order
     * @param price      the price its notionals are computed at: the limit price, or the market's reference price
     * @param now        the engine's clock
     * @param openOrderCount the instance's open orders
     * @param filters    the venue's rules for the symbol, if it has any
     */
    public Optional<Rejection> check(OrderRequest order, BigDecimal position, BigDecimal price, Instant now, int openOrderCount,
                                     Optional<SymbolFilters> filters) {
        String instance = order.strategyInstance();
        if (paused(instance) && !PreTradeRisk.reduces(order, position)) {
            String who = store.risk(instance).paused() ? "instance " + instance : "every instance";
            return Optional.of(new Rejection(RiskRule.PAUSED, who + " is paused by an operator: only position-reducing orders pass "
                    + "(tickflow control resume " + (store.risk(instance).paused() ? instance : ALL_INSTANCES) + ")"));
        }
        PreTradeRisk.Context context = new PreTradeRisk.Context(position, price, order.createdAt(), now, openOrderCount,
                store.risk(instance).recentOrders(), haltOf(instance, now), filters);
        Optional<Rejection> own = PreTradeRisk.check(order, policy.limitsOf(instance), context);
        if (own.isPresent()) {
            return own;
        }
        PortfolioRisk.Context portfolio = new PortfolioRisk.Context(position, price, now, holdings(), openOrders.allOpenOrders().size(),
                store.risk(ALL_INSTANCES).recentOrders());
        return PortfolioRisk.check(order, policy.portfolio(), portfolio);
    }

    /** The {@code stale-signal} rejection of the instance's signal decided at {@code signalTime}, if it is too old at {@code now}. */
    public Optional<Rejection> staleSignal(String instance, Instant signalTime, Instant now) {
        return PreTradeRisk.staleSignal(policy.limitsOf(instance), signalTime, now);
    }

    /** Counts an order the instance sends to the venue at {@code now} in its rate window and in the account's. */
    public void orderSent(String instance, Instant now) {
        store.putRisk(instance, store.risk(instance).withOrderAt(now, PreTradeRisk.RATE_WINDOW));
        store.putRisk(ALL_INSTANCES, store.risk(ALL_INSTANCES).withOrderAt(now, PreTradeRisk.RATE_WINDOW));
    }

    /**
     * Watches the net PnL after a position of the instance changed (it is stored already): summed over the instance's
     * symbols against the instance's loss limits, and over the account against the account's. A breach halts (REDUCING)
     * unless a halt is in force already, and says so on ops.events.
     */
    public void onPosition(String instance, String symbol, PositionRecord position, Instant now) {
        BigDecimal instancePnl = positions.netPnlOf(instance);
        BigDecimal accountPnl = positions.accountNetPnl();
        PnlWatermarks instanceMarks = observe(instance, instancePnl, now);
        PnlWatermarks accountMarks = observe(ALL_INSTANCES, accountPnl, now);
        Optional<Halt> breach = LossLimits.breach(policy.limitsOf(instance), instanceMarks, instancePnl);
        if (breach.isPresent() && haltOf(instance, now).isEmpty()) {
            halt(policy.haltScope() == RiskPolicy.HaltScope.ALL ? ALL_INSTANCES : instance, instance, symbol, breach.get(), now);
        }
        Optional<Halt> accountBreach = LossLimits.accountBreach(policy.portfolio(), accountMarks, accountPnl);
        if (accountBreach.isPresent() && !inForce(store.risk(ALL_INSTANCES).halt(), now)) {
            halt(ALL_INSTANCES, instance, symbol, accountBreach.get(), now);
        }
    }

    public TradingState tradingState(String instance, Instant now) {
        return haltOf(instance, now).map(Halt::state).orElse(TradingState.ACTIVE);
    }

    /** Whether the instance, or every instance, is paused. */
    public boolean paused(String instance) {
        return store.risk(instance).paused() || store.risk(ALL_INSTANCES).paused();
    }

    /** Pauses or resumes {@code key}: an instance or {@link #ALL_INSTANCES}. */
    public void setPaused(String key, boolean paused) {
        store.putRisk(key, store.risk(key).withPaused(paused));
    }

    /**
     * Lifts the halt of {@code key} (an instance or {@link #ALL_INSTANCES}) and re-arms its loss limits from the current
     * PnL (the peak and the day's start are set to it), so the same loss does not halt again at once. Answers the halt
     * lifted, if one was in force.
     */
    public Optional<Halt> liftHalt(String key, Instant now) {
        RiskState state = store.risk(key);
        Halt halt = state.halt();
        BigDecimal pnl = ALL_INSTANCES.equals(key) ? positions.accountNetPnl() : positions.netPnlOf(key);
        store.putRisk(key, state.withHalt(null).withWatermarks(new PnlWatermarks(PnlWatermarks.observe(null, pnl, now).day(), pnl, pnl)));
        return inForce(halt, now) ? Optional.of(halt) : Optional.empty();
    }

    /**
     * Halts {@code key} (an instance or {@link #ALL_INSTANCES}) for {@code reason} until an operator lifts it: no order at
     * all (HALTED). Nothing when a halt of the key is in force already.
     */
    public void haltUntilLifted(String key, String symbol, String reason, Instant now) {
        if (!inForce(store.risk(key).halt(), now)) {
            halt(key, key, symbol, new Halt(TradingState.HALTED, reason, null), now);
        }
    }

    /** Whether the executor has ever seen the instance: a position, an open order or risk state of it. */
    public boolean knows(String instance) {
        return positions.allPositions().stream().anyMatch(entry -> entry.instance().equals(instance))
                || openOrders.allOpenOrders().stream().anyMatch(order -> instance.equals(order.request().strategyInstance()))
                || !store.risk(instance).equals(RiskState.empty())
                || policy.overrides().containsKey(instance);
    }

    private void halt(String key, String instance, String symbol, Halt halt, Instant now) {
        log.warn("HALTED {} ({} in {}): {}; trading is {}", key, instance, symbol, halt.reason(), halt.state());
        store.putRisk(key, store.risk(key).withHalt(halt));
        String who = ALL_INSTANCES.equals(key) ? "every instance" : "instance " + key;
        ops.operational(new OpsEvent("halt-" + key + "-" + now.toEpochMilli(), "HALTED", "CRITICAL", ALL_INSTANCES.equals(key) ? null : key,
                symbol, who + " halted, " + (halt.state() == TradingState.HALTED ? "no order passes" : "only position-reducing orders pass") + ": "
                + halt.reason()
                + (halt.until() == null ? "" : "; lifts by itself at " + halt.until())
                + ". Lift it with: tickflow control lift-halt " + key,
                Map.of("rule", halt.reason().substring(0, Math.max(0, halt.reason().indexOf(':'))), "state", halt.state().name(),
                        "trigger", instance), now));
    }

    private PnlWatermarks observe(String key, BigDecimal pnl, Instant now) {
        RiskState state = store.risk(key);
        PnlWatermarks marks = PnlWatermarks.observe(state.watermarks(), pnl, now);
        if (!marks.equals(state.watermarks())) {
            store.putRisk(key, state.withWatermarks(marks));
        }
        return marks;
    }

    private List<PortfolioRisk.Holding> holdings() {
        return positions.allPositions().stream().filter(entry -> !entry.record().position().isFlat()).map(entry -> {
            PositionState p = entry.record().position();
            return new PortfolioRisk.Holding(entry.instance(), entry.symbol(), p.quantity(), p.lastPrice() != null ? p.lastPrice() : p.averageEntryPrice());
        }).toList();
    }

    /** The instance's own halt in force, else the account's. */
    private Optional<Halt> haltOf(String instance, Instant now) {
        Halt own = store.risk(instance).halt();
        if (inForce(own, now)) {
            return Optional.of(own);
        }
        Halt all = store.risk(ALL_INSTANCES).halt();
        return inForce(all, now) ? Optional.of(all) : Optional.empty();
    }

    private static boolean inForce(Halt halt, Instant now) {
        return halt != null && halt.inForceAt(now);
    }
}
