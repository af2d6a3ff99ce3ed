package dev.tickflow.executor.reconcile;

import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.executor.control.OpsOutput;
import dev.tickflow.executor.engine.ExecutionVenue;
import dev.tickflow.executor.engine.LastTrade;
import dev.tickflow.executor.engine.LastTradeStore;
import dev.tickflow.executor.engine.VenueFailures;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OrderManager;
import dev.tickflow.executor.order.Symbols;
import dev.tickflow.executor.portfolio.Portfolio;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.portfolio.PositionStore;
import dev.tickflow.executor.reconcile.Reconciliation.Corrected;
import dev.tickflow.executor.reconcile.Reconciliation.ExternalChange;
import dev.tickflow.executor.reconcile.Reconciliation.FirstSeen;
import dev.tickflow.executor.reconcile.Reconciliation.Holding;
import dev.tickflow.executor.reconcile.Reconciliation.Outcome;
import dev.tickflow.executor.reconcile.Reconciliation.Unexplained;
import dev.tickflow.executor.risk.RiskEngine;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link Reconciliation} to the engine's parts, on the stream thread: at start-up, after every user-data stream
 * event or (re)subscription, every {@link ReconcileSettings#interval()}, and {@link #CONFIRMATION_DELAY} after a
 * difference waiting for its confirmation. Each round reads the account over REST (open orders, then balances), so
 * what it changes comes from the exchange's own state and lands in the stream task's transaction: a round lost in a
 * crash is simply made again, an order already brought up to date changes nothing (its fills are counted).
 *
 * <p>Outcomes: an order that ended at the exchange is looked up with its fills and applied like any report (FILLED with
 * fills and positions, CANCELED), plus a RECONCILIATION_DIFFERENCE event; a sale by hand corrects the position; a rise
 * of a balance grows the holding that is not the executor's; an unexplained difference raises a CRITICAL
 * RECONCILIATION_DIFFERENCE and, when {@link ReconcileSettings#haltOnUnexplained()}, halts the instances concerned.
 */
public final class Reconciler {
    public static final String KIND = "RECONCILIATION_DIFFERENCE";
    /** How soon a difference seen once is compared again. */
    static final Duration CONFIRMATION_DELAY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final AccountWatch watch;
    private final ExecutionVenue venue;
    private final OrderManager orders;
    private final Portfolio portfolio;
    private final RiskEngine risk;
    private final PositionStore positions;
    private final LastTradeStore lastTrades;
    private final ReconcileStore store;
    private final OpsOutput ops;
    private final Reconciliation comparison = new Reconciliation();
    private Instant nextRound;

    public Reconciler(AccountWatch watch, ExecutionVenue venue, OrderManager orders, Portfolio portfolio, RiskEngine risk,
                      PositionStore positions, LastTradeStore lastTrades, ReconcileStore store, OpsOutput ops) {
        this.watch = watch;
        this.venue = venue;
        this.orders = orders;
        this.portfolio = portfolio;
        this.risk = risk;
        this.positions = positions;
        this.lastTrades = lastTrades;
        this.store = store;
        this.ops = ops;
    }

    /** Runs a round when one is due at {@code now}: the first call, a stream change, the interval, or a confirmation. */
    public void reconcileIfDue(Instant now) {
        boolean changed = watch.takeChanged();
        if (changed || nextRound == null || !now.isBefore(nextRound)) {
            reconcile(now);
        }
    }

    /** One round: ended orders first (so that positions include their fills), then balances. */
    public void reconcile(Instant now) {
        venue.adapter().startWork();
        nextRound = now.plus(CONFIRMATION_DELAY); // a failed round is made again soon
        Map<String, BigDecimal> open;
        try {
            open = watch.account().openOrders();
        } catch (RuntimeException e) {
            log.warn("Reconciliation: open orders unavailable ({}); trying again in {} ms", VenueFailures.describe(e), CONFIRMATION_DELAY.toMillis());
            return;
        }
        for (OpenOrder order : Reconciliation.changedAtExchange(orders.allOpenOrders(), open)) {
            try {
                resolveChanged(order, now);
            } catch (RuntimeException e) {
                log.warn("Reconciliation: order {} changed at the exchange but looking it up failed ({}); trying again",
                        order.request().clientOrderId(), VenueFailures.describe(e));
                return;
            }
        }
        try {
            compareBalances(now);
        } catch (RuntimeException e) {
            log.warn("Reconciliation: balances unavailable ({}); trying again", VenueFailures.describe(e));
            return;
        }
        if (!comparison.awaitsConfirmation()) {
            nextRound = now.plus(watch.settings().interval());
        }
    }

    private void resolveChanged(OpenOrder order, Instant now) {
        String clientOrderId = order.request().clientOrderId();
        Optional<ExecutionReport> found = venue.adapter().find(order.request());
        if (found.isEmpty()) {
            return; // the refresh marks it UNKNOWN and keeps looking it up
        }
        ExecutionReport report = found.get();
        orders.apply(order, report, now);
        if (!report.isFinal()) {
            return;
        }
        int newFills = Math.max(0, report.fills().size() - order.fillsSeen());
        String what = switch (report.status()) {
            case FILLED -> "filled at the exchange while the executor was not watching; " + newFills + " fill(s) applied";
            case CANCELED -> "canceled at the exchange, not by the executor" + (newFills > 0 ? "; " + newFills + " fill(s) applied" : "");
            default -> report.status() + " at the exchange" + (newFills > 0 ? "; " + newFills + " fill(s) applied" : "");
        };
        Map<String, String> details = new LinkedHashMap<>();
        details.put("difference", "order-" + report.status().name().toLowerCase(Locale.ROOT));
        details.put("clientOrderId", clientOrderId);
        details.put("status", report.status().name());
        details.put("fillsApplied", Integer.toString(newFills));
        details.put("executedQuantity", report.executedQuantity().toPlainString());
        publish("reconcile-order-" + clientOrderId + "-" + report.status().name().toLowerCase(Locale.ROOT),
                report.status() == OrderStatus.FILLED ? "INFO" : "WARNING", order.request().strategyInstance(), order.request().symbol(),
                "Order " + clientOrderId + " " + what, details, now);
    }

    private void compareBalances(Instant now) {
        List<Holding> holdings = new ArrayList<>();
        Map<String, Symbols.Assets> assets = new LinkedHashMap<>();
        for (PositionStore.Entry entry : positions.allPositions()) {
            Symbols.Assets pair = assets.computeIfAbsent(entry.symbol(), this::assetsOf);
            if (pair != null) {
                holdings.add(new Holding(entry.instance(), entry.symbol(), pair.base(), entry.record().position().quantity()));
            }
        }
        if (holdings.isEmpty()) {
            return;
        }
        // fills of an order of unknown fate may be in the balance already and not yet in the position
        Set<String> unsettled = new HashSet<>();
        for (OpenOrder order : orders.allOpenOrders()) {
            if (order.fateUnknown()) {
                Symbols.Assets pair = assets.computeIfAbsent(order.request().symbol(), this::assetsOf);
                unsettled.add(pair != null ? pair.base() : order.request().symbol());
            }
        }
        Map<String, BigDecimal> balances = watch.account().balances();
        for (Outcome outcome : comparison.compareBalances(holdings, store.externalHoldings(), balances, unsettled)) {
            apply(outcome, assets, now);
        }
    }

    private Symbols.Assets assetsOf(String symbol) {
        Optional<SymbolFilters> filters = venue.adapter().filters(symbol);
        return Symbols.assets(symbol, filters).orElse(null);
    }

    private void apply(Outcome outcome, Map<String, Symbols.Assets> assets, Instant now) {
        String asset = outcome.asset();
        if (outcome instanceof FirstSeen first) {
            log.info("Reconciliation: {} compared from now on; {} of it is not the executor's", asset, first.external().toPlainString());
            store.putExternalHolding(asset, first.external());
        } else if (outcome instanceof Corrected corrected) {
            Holding holder = corrected.holder();
            PositionRecord before = portfolio.record(holder.instance(), holder.symbol());
            BigDecimal price = lastTrades.lastTrade(holder.symbol()).map(LastTrade::price)
                    .orElse(before.position().lastPrice() != null ? before.position().lastPrice() : before.position().averageEntryPrice());
            Symbols.Assets pair = assets.get(holder.symbol());
            PositionRecord after = portfolio.correct(holder.instance(), holder.symbol(), new PositionState.Execution(corrected.side(), price,
                    corrected.quantity(), BigDecimal.ZERO, pair.quote(), now), pair.base(), pair.quote(), now);
            risk.onPosition(holder.instance(), holder.symbol(), after, now);
            Map<String, String> details = balanceDetails("balance-fell", asset, corrected.expected(), corrected.actual());
            details.put("correctedBy", corrected.side() + " " + corrected.quantity().toPlainString() + " at " + price.toPlainString());
            details.put("position", after.position().quantity().toPlainString());
            publish(balanceEventId(asset, now), "WARNING", holder.instance(), holder.symbol(), "Balance of " + asset + " fell by "
                    + corrected.quantity().toPlainString() + " without an order of the executor's (sold by hand?): position of "
                    + holder.instance() + " in " + holder.symbol() + " corrected to " + after.position().quantity().toPlainString(), details, now);
        } else if (outcome instanceof ExternalChange change) {
            store.putExternalHolding(asset, change.external());
            publish(balanceEventId(asset, now), "WARNING", null, null, "Balance of " + asset + " rose by "
                    + change.actual().subtract(change.expected()).toPlainString() + " without an order of the executor's (a deposit or "
                    + "a purchase by hand): counted as not the executor's, positions unchanged",
                    balanceDetails("balance-rose", asset, change.expected(), change.actual()), now);
        } else if (outcome instanceof Unexplained unexplained) {
            store.putExternalHolding(asset, unexplained.external());
            List<String> instances = unexplained.holders().stream().map(Holding::instance).distinct().toList();
            boolean halt = watch.settings().haltOnUnexplained();
            Map<String, String> details = balanceDetails("unexplained", asset, unexplained.expected(), unexplained.actual());
            details.put("instances", String.join(",", instances));
            details.put("halt", Boolean.toString(halt));
            String symbol = unexplained.holders().isEmpty() ? null : unexplained.holders().get(0).symbol();
            publish(balanceEventId(asset, now), "CRITICAL", instances.size() == 1 ? instances.get(0) : null, symbol,
                    "Balance of " + asset + " is " + unexplained.actual().toPlainString() + ", the executor expected "
                            + unexplained.expected().toPlainString() + " and cannot tell whose position moved"
                            + (halt ? "; halting " + (instances.isEmpty() ? "every instance" : String.join(", ", instances)) : ""), details, now);
            if (halt) {
                String reason = "reconciliation: balance of " + asset + " " + unexplained.actual().toPlainString() + ", expected "
                        + unexplained.expected().toPlainString();
                for (String key : instances.isEmpty() ? List.of(RiskEngine.ALL_INSTANCES) : instances) {
                    risk.haltUntilLifted(key, symbol, reason, now);
                }
            }
        }
    }

    private static Map<String, String> balanceDetails(String difference, String asset, BigDecimal expected, BigDecimal actual) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("difference", difference);
        details.put("asset", asset);
        details.put("expected", expected.toPlainString());
        details.put("actual", actual.toPlainString());
        return details;
    }

    private static String balanceEventId(String asset, Instant now) {
        return "reconcile-balance-" + asset + "-" + now.toEpochMilli();
    }

    private void publish(String eventId, String severity, String instance, String symbol, String message, Map<String, String> details,
                         Instant now) {
        if ("CRITICAL".equals(severity)) {
            log.error("{}: {}", KIND, message);
        } else {
            log.warn("{}: {}", KIND, message);
        }
        ops.operational(new OpsEvent(eventId, KIND, severity, instance, symbol, message, details, now));
    }
}
