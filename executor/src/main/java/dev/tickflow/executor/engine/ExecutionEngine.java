package dev.tickflow.executor.engine;

import dev.tickflow.executor.control.ControlAction;
import dev.tickflow.executor.control.OperatorCommandInput;
import dev.tickflow.executor.control.OpsEvent;
import dev.tickflow.executor.control.OpsOutput;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TargetPosition;
import dev.tickflow.executor.oms.OpenOrder;
import dev.tickflow.executor.oms.OpenOrderStore;
import dev.tickflow.executor.oms.OrderManager;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.order.OrderPlanner;
import dev.tickflow.executor.order.OrderPlanner.Plan;
import dev.tickflow.executor.order.OrderSizing;
import dev.tickflow.executor.order.ProtectionPolicies;
import dev.tickflow.executor.order.ProtectiveOrders;
import dev.tickflow.executor.portfolio.Portfolio;
import dev.tickflow.executor.portfolio.PositionRecord;
import dev.tickflow.executor.portfolio.PositionStore;
import dev.tickflow.executor.reconcile.AccountWatch;
import dev.tickflow.executor.reconcile.Reconciler;
import dev.tickflow.executor.risk.Halt;
import dev.tickflow.executor.risk.Rejection;
import dev.tickflow.executor.risk.RiskEngine;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.executor.risk.RiskRule;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.VenueRefusedException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's logic, free of Kafka: signal → target → order → risk → venue → order events, fills, positions. It
 * coordinates the parts: the order lifecycle ({@link OrderManager}), the {@link Portfolio}, the {@link RiskEngine} and
 * the venue ({@link ExecutionVenue}, which also sets the clock: event time on a simulated venue, so a backtest is
 * deterministic, the wall clock on an exchange).
 *
 * <p>One signal never produces two orders: its client order id is derived from the signal id, and an exchange is asked
 * for that id before an order is placed and after a placement of unknown fate.
 */
public final class ExecutionEngine {
    private static final Logger log = LoggerFactory.getLogger(ExecutionEngine.class);

    private final OrderPolicy policy;
    private final OrderSizing sizing;
    private final ExecutionVenue venue;
    private final LastTradeStore lastTrades;
    private final OrderManager orders;
    private final Portfolio portfolio;
    private final RiskEngine risk;
    private final CommandStore commands;
    private final PositionStore positions;
    private final OpsOutput ops;
    private final ExecutorState state;
    private final ProtectionPolicies protection;
    /** While a FLAT signal is handled: fills of an entry it cancels place no new protective order. */
    private boolean exiting;

    /** An engine that leaves protection to the strategies. */
    public ExecutionEngine(OrderPolicy policy, OrderSizing sizing, RiskPolicy riskPolicy, ExecutionVenue venue, ExecutorState state,
                           ExecutorOutput output) {
        this(policy, sizing, riskPolicy, ProtectionPolicies.STRATEGY_ONLY, venue, state, output);
    }

    public ExecutionEngine(OrderPolicy policy, OrderSizing sizing, RiskPolicy riskPolicy, ProtectionPolicies protection, ExecutionVenue venue,
                           ExecutorState state, ExecutorOutput output) {
        this.protection = protection;
        this.policy = policy;
        this.sizing = sizing;
        this.venue = venue;
        this.lastTrades = state;
        this.portfolio = new Portfolio(state, output);
        this.risk = new RiskEngine(riskPolicy, state, state, state, output);
        this.commands = state;
        this.positions = state;
        this.ops = output;
        this.state = state;
        this.orders = new OrderManager(state, output, venue.adapter().name(), this::onFills);
    }

    /**
     * A strategy.signals record, at the venue's clock for its time. Whatever the venue answers, the signal ends in a
     * defined state: an order event (possibly REJECTED with a named reason), an order of unknown fate that the refresh
     * resolves, or nothing when the target is reached already.
     */
    public void onSignal(SignalInput signal) {
        exiting = signal.target() == TargetPosition.FLAT;
        try {
            act(signal);
        } finally {
            exiting = false;
        }
    }

    private void act(SignalInput signal) {
        Instant now = venue.signalClock(signal.createdAt());
        venue.adapter().startWork();
        String instance = signal.instance();
        String symbol = signal.symbol();
        Optional<OpenOrder> protective = orders.protectiveOrder(instance, symbol);
        if (signal.target() == TargetPosition.FLAT && protective.isPresent()) {
            String outcome = cancel(protective.get(), now);
            if (!"closed".equals(outcome)) {
                notActedOn(signal, OrderSide.SELL, "cancel-failed: protective order " + protective.get().request().clientOrderId() + " is "
                        + outcome, now);
                return;
            }
        }
        Optional<OpenOrder> open = orders.openOrder(instance, symbol);
        Plan plan = OrderPlanner.plan(signal.target(), portfolio.quantity(instance, symbol), open.map(o -> o.request().side()));
        if (plan instanceof Plan.CancelOpenOrder) {
            OrderSide side = open.get().request().side() == OrderSide.BUY ? OrderSide.SELL : OrderSide.BUY;
            Optional<Rejection> stale = risk.staleSignal(instance, signal.createdAt(), now);
            if (stale.isPresent()) {
                notActedOn(signal, side, stale.get().reason(), now);
                return;
            }
            try {
                venue.cancel(open.get(), now, orders);
            } catch (RuntimeException e) {
                notActedOn(signal, side, "cancel-failed: open order " + open.get().request().clientOrderId() + " could not be canceled ("
                        + VenueFailures.describe(e) + ")", now);
                return;
            }
            open = orders.openOrder(instance, symbol);
            if (open.isPresent()) {
                notActedOn(signal, side, "cancel-failed: open order " + open.get().request().clientOrderId() + " is still open", now);
                return;
            }
            plan = OrderPlanner.plan(signal.target(), portfolio.quantity(instance, symbol), Optional.empty());
        }
        if (plan instanceof Plan.Nothing nothing) {
            log.debug("Signal {}: no order, {}", signal.signalId(), nothing.why());
            return;
        }
        place(signal, (Plan.Place) plan, now);
    }

    /** An md.trades record, at its trade time: the venue's part (matching, or the market), then marks. */
    public void onTrade(String symbol, BigDecimal price, Instant time) {
        venue.onTrade(symbol, price, time, orders, lastTrades);
        portfolio.mark(symbol, price, time).forEach((instance, position) -> risk.onPosition(instance, symbol, position, time));
    }

    /**
     * A control.operator record, at the venue's clock for its time. Each command id is handled at most once: a repeat
     * changes nothing and writes nothing. Every other command ends in COMMAND_APPLIED or COMMAND_REFUSED on ops.events
     * (plus PAUSED, RESUMED or HALT_LIFTED as fitting); SET_PARAMETERS is the strategy service's and ignored.
     */
    public void onCommand(OperatorCommandInput command) {
        if (command.action() == ControlAction.SET_PARAMETERS || commands.commandHandled(command.commandId())) {
            return;
        }
        Instant now = venue.signalClock(command.requestedAt());
        commands.markCommandHandled(command.commandId(), now);
        if (!command.everyInstance() && !risk.knows(command.instance())) {
            commandEvent(command, "COMMAND_REFUSED", "WARNING", "unknown strategy instance " + command.instance()
                    + ": the executor has no position, order or risk state of it", Map.of(), now);
            return;
        }
        venue.adapter().startWork();
        String key = command.everyInstance() ? RiskEngine.ALL_INSTANCES : command.instance();
        switch (command.action()) {
            case PAUSE -> {
                risk.setPaused(key, true);
                commandEvent(command, "PAUSED", "WARNING", who(command) + " paused: no new entries, position-reducing orders still pass; "
                        + "resume with: tickflow control resume " + key, Map.of(), now);
                commandEvent(command, "COMMAND_APPLIED", "INFO", "PAUSE applied", Map.of(), now);
            }
            case RESUME -> {
                risk.setPaused(key, false);
                commandEvent(command, "RESUMED", "INFO", who(command) + " resumed", Map.of(), now);
                commandEvent(command, "COMMAND_APPLIED", "INFO", "RESUME applied", Map.of(), now);
            }
            case LIFT_HALT -> {
                Optional<Halt> lifted = risk.liftHalt(key, now);
                if (lifted.isEmpty()) {
                    commandEvent(command, "COMMAND_REFUSED", "WARNING", who(command) + " is not halted", Map.of(), now);
                    return;
                }
                commandEvent(command, "HALT_LIFTED", "INFO", "halt of " + who(command) + " lifted (" + lifted.get().reason()
                        + "); its loss limits count again from the current PnL", Map.of("halt", lifted.get().reason()), now);
                commandEvent(command, "COMMAND_APPLIED", "INFO", "LIFT_HALT applied", Map.of(), now);
            }
            case CANCEL_ALL -> {
                Map<String, String> outcome = cancelAll(command, now);
                commandEvent(command, "COMMAND_APPLIED", "INFO", "CANCEL_ALL applied: " + outcome.size() + " open order(s) handled", outcome, now);
            }
            case FORCE_EXIT -> {
                Map<String, String> outcome = forceExit(command, now);
                commandEvent(command, "COMMAND_APPLIED", "INFO", "FORCE_EXIT applied: " + outcome.size() + " position(s) closed through orders",
                        outcome, now);
            }
            default -> throw new IllegalStateException("unhandled action " + command.action());
        }
    }

    /** Cancels every open order the command covers; answers each order's client order id with its outcome. */
    private Map<String, String> cancelAll(OperatorCommandInput command, Instant now) {
        Map<String, String> outcome = new LinkedHashMap<>();
        for (OpenOrder open : orders.allOpenOrders()) {
            if (command.covers(open.request().strategyInstance(), open.request().symbol())) {
                outcome.put(open.request().clientOrderId(), cancel(open, now));
            }
        }
        return outcome;
    }

    private String cancel(OpenOrder open, Instant now) {
        try {
            venue.cancel(open, now, orders);
        } catch (RuntimeException e) {
            return "cancel-failed: " + VenueFailures.describe(e);
        }
        return orders.openOrder(OpenOrderStore.slot(open.request()), open.request().symbol()).isPresent() ? "still open" : "closed";
    }

    /**
     * Closes every position the command covers with a MARKET order through the normal path (risk, venue, events): no
     * signal id, a client order id derived from the command id and the position. An open order of the position is
     * canceled first. Answers each position ({@code instance:symbol}) with its closing order's client order id.
     */
    private Map<String, String> forceExit(OperatorCommandInput command, Instant now) {
        Map<String, String> outcome = new LinkedHashMap<>();
        List<PositionStore.Entry> covered = new ArrayList<>();
        for (PositionStore.Entry entry : positions.allPositions()) {
            if (command.covers(entry.instance(), entry.symbol()) && !entry.record().position().isFlat()) {
                covered.add(entry);
            }
        }
        for (PositionStore.Entry entry : covered) {
            String instance = entry.instance();
            String symbol = entry.symbol();
            Optional<String> stillOpen = Stream.of(orders.openOrder(instance, symbol), orders.protectiveOrder(instance, symbol))
                    .flatMap(Optional::stream).filter(open -> !"closed".equals(cancel(open, now))).map(open -> open.request().clientOrderId())
                    .findFirst();
            if (stillOpen.isPresent()) {
                outcome.put(instance + ":" + symbol, "cancel-failed: open order " + stillOpen.get() + " is still open");
                continue;
            }
            BigDecimal held = portfolio.quantity(instance, symbol);
            Optional<SymbolFilters> filters;
            try {
                filters = venue.adapter().filters(symbol);
            } catch (RuntimeException e) {
                outcome.put(instance + ":" + symbol, "exchange-info-unavailable: " + VenueFailures.describe(e));
                continue;
            }
            BigDecimal step = filters.map(SymbolFilters::stepSize).orElse(BigDecimal.ZERO);
            BigDecimal quantity = OrderSizing.roundDown(held.abs(), step);
            if (quantity.signum() == 0) {
                outcome.put(instance + ":" + symbol, "left: " + held.abs().toPlainString() + " is below the step size " + step.toPlainString());
                continue;
            }
            String clientOrderId = ClientOrderIds.of("force-exit:" + command.commandId() + ":" + instance + ":" + symbol);
            OrderRequest order = new OrderRequest(clientOrderId, null, instance, symbol, held.signum() > 0 ? OrderSide.SELL : OrderSide.BUY,
                    OrderType.MARKET, quantity, null, null, null, now);
            BigDecimal price = entry.record().position().lastPrice() != null ? entry.record().position().lastPrice()
                    : entry.record().position().averageEntryPrice();
            submit(order, venue.market(symbol, price, now, lastTrades), price, filters, now);
            outcome.put(instance + ":" + symbol, clientOrderId);
        }
        return outcome;
    }

    private static String who(OperatorCommandInput command) {
        return command.everyInstance() ? "every instance" : "instance " + command.instance();
    }

    private void commandEvent(OperatorCommandInput command, String kind, String severity, String message, Map<String, String> details,
                              Instant now) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("commandId", command.commandId());
        all.put("action", command.action().name());
        all.put("issuedBy", command.issuedBy());
        ops.operational(new OpsEvent("cmd-" + command.commandId() + "-" + kind.toLowerCase(Locale.ROOT), kind, severity,
                command.instance(), command.symbol(), message, all, now));
    }

    /** Reconciliation of this engine's state with {@code account}, through the engine's own parts. */
    public Reconciler reconciler(AccountWatch account) {
        return new Reconciler(account, venue, orders, portfolio, risk, state, state, state, ops);
    }

    /** Every {@link ExecutionVenue#refreshInterval()} on the wall clock. */
    public void refreshResting(Instant now) {
        venue.adapter().startWork();
        venue.refreshResting(now, orders, lastTrades);
    }

    private void place(SignalInput signal, Plan.Place plan, Instant now) {
        Optional<SymbolFilters> filters;
        try {
            filters = venue.adapter().filters(signal.symbol());
        } catch (RuntimeException e) {
            notActedOn(signal, plan.side(), "exchange-info-unavailable: " + VenueFailures.describe(e), now);
            return;
        }
        MarketSnapshot market = venue.market(signal.symbol(), signal.price(), now, lastTrades);
        String clientOrderId = ClientOrderIds.of(signal.signalId());
        BigDecimal quantity;
        try {
            BigDecimal step = filters.map(SymbolFilters::stepSize).orElse(BigDecimal.ZERO);
            quantity = plan.opens() ? sizing.quantity(signal.symbol(), market.referencePrice(), filters)
                    : OrderSizing.roundDown(plan.closingQuantity(), step);
        } catch (OrderSizing.MissingOrderSizeException e) {
            OrderRequest unsized = policy.orderFor(signal, clientOrderId, plan.side(), BigDecimal.ZERO, filters);
            orders.rejected(unsized, new Rejection(RiskRule.ORDER_SIZE, e.getMessage()).reason(), now);
            return;
        }
        submit(policy.orderFor(signal, clientOrderId, plan.side(), quantity, filters), market, signal.price(), filters, now);
    }

    /** The risk checks, then the venue: the path of every order, a signal's or an operator's forced exit. */
    private void submit(OrderRequest order, MarketSnapshot market, BigDecimal signalPrice, Optional<SymbolFilters> filters, Instant now) {
        BigDecimal notionalPrice = order.limitPrice() != null ? order.limitPrice() : market.referencePrice();
        Optional<Rejection> rejection = risk.check(order, portfolio.quantity(order.strategyInstance(), order.symbol()), notionalPrice, now,
                orders.openOrderCount(order.strategyInstance()), filters);
        OpenOrder placed = OpenOrder.placed(order, signalPrice);
        if (rejection.isPresent()) {
            // a stale signal replayed after a crash may have its order at the exchange already: that is adopted, not rejected
            if (rejection.get().rule() != RiskRule.STALE_SIGNAL || venue.needsPlacing(placed, now, orders)) {
                orders.rejected(order, rejection.get().reason(), now);
            }
            return;
        }
        if (!venue.needsPlacing(placed, now, orders)) {
            return;
        }
        risk.orderSent(order.strategyInstance(), now);
        send(placed, market, now);
    }

    /** Places an order the exchange does not have yet, and applies the venue's answer. */
    private void send(OpenOrder placed, MarketSnapshot market, Instant now) {
        OrderRequest order = placed.request();
        ExecutionReport report;
        try {
            report = venue.adapter().place(order, market);
        } catch (OrderFateUnknownException e) {
            venue.placementUnknown(placed, now, orders, e);
            return;
        } catch (VenueRefusedException e) {
            orders.rejected(order, e.reason(), now);
            return;
        } catch (RuntimeException e) {
            // an answer the venue could not make sense of: the order may exist, so it is looked up, never placed again
            venue.placementUnknown(placed, now, orders, new OrderFateUnknownException(VenueFailures.describe(e), e));
            return;
        }
        orders.apply(placed, report, now);
    }

    /** Records a signal the executor cannot act on as a REJECTED event of its order, with the named reason. */
    private void notActedOn(SignalInput signal, OrderSide side, String reason, Instant now) {
        OrderRequest order = policy.orderFor(signal, ClientOrderIds.of(signal.signalId()), side, BigDecimal.ZERO, Optional.empty());
        orders.rejected(order, reason, now);
    }

    /** Fills the order lifecycle published: into the portfolio, whose new PnL the risk engine watches. */
    private void onFills(OrderRequest order, List<ExchangeFill> fills, Instant now) {
        Optional<SymbolFilters> filters;
        try {
            filters = venue.adapter().filters(order.symbol());
        } catch (RuntimeException e) {
            // the assets then come from the symbol's name: fills are never dropped for want of exchangeInfo
            log.warn("Fills of order {}: exchange info unavailable ({}); assets taken from the symbol's name", order.clientOrderId(),
                    VenueFailures.describe(e));
            filters = Optional.empty();
        }
        PositionRecord position = portfolio.apply(order, fills, filters, now);
        risk.onPosition(order.strategyInstance(), order.symbol(), position, now);
        if (order.side() == OrderSide.BUY && !order.isProtective()) {
            protect(order, fills.get(fills.size() - 1), position, filters, now);
        }
    }

    /**
     * After a fill of an entry, when the instance's protection is at the exchange: replaces its protective order (one of
     * an earlier partial fill is canceled first) by one for all it now holds, whose client order id derives from the fill.
     */
    private void protect(OrderRequest entry, ExchangeFill fill, PositionRecord position, Optional<SymbolFilters> filters, Instant now) {
        String instance = entry.strategyInstance();
        String symbol = entry.symbol();
        BigDecimal held = OrderSizing.roundDown(position.position().quantity().max(BigDecimal.ZERO),
                filters.map(SymbolFilters::stepSize).orElse(BigDecimal.ZERO));
        Optional<OrderRequest> order = ProtectiveOrders.protect(protection.of(instance), entry, fill, held,
                position.position().averageEntryPrice(), filters, now);
        if (order.isEmpty() || held.signum() == 0 || exiting) {
            return;
        }
        Optional<OpenOrder> earlier = orders.protectiveOrder(instance, symbol);
        if (earlier.isPresent() && earlier.get().request().clientOrderId().equals(order.get().clientOrderId())) {
            return;
        }
        if (earlier.isPresent() && !"closed".equals(cancel(earlier.get(), now))) {
            orders.rejected(order.get(), "cancel-failed: the protective order " + earlier.get().request().clientOrderId()
                    + " of an earlier fill is still open", now);
            return;
        }
        OpenOrder placed = OpenOrder.placed(order.get(), position.position().averageEntryPrice());
        if (venue.needsPlacing(placed, now, orders)) {
            send(placed, venue.market(symbol, position.position().averageEntryPrice(), now, lastTrades), now);
        }
    }
}
