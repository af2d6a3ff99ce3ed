package dev.tickflow.executor.engine;

import dev.tickflow.executor.portfolio.PositionRecord;

import dev.tickflow.executor.oms.OpenOrder;

import dev.tickflow.executor.venue.TradingVenue;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.executor.order.OrderPlanner;
import dev.tickflow.executor.order.OrderPlanner.Plan;
import dev.tickflow.executor.order.OrderSizing;
import dev.tickflow.executor.order.Symbols;
import dev.tickflow.executor.portfolio.PositionState;
import dev.tickflow.executor.risk.Halt;
import dev.tickflow.executor.risk.LossLimits;
import dev.tickflow.executor.risk.PreTradeRisk;
import dev.tickflow.executor.risk.Rejection;
import dev.tickflow.executor.risk.RiskLimits;
import dev.tickflow.executor.risk.RiskPolicy;
import dev.tickflow.executor.risk.RiskRule;
import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's logic, free of Kafka: signal → target → order → risk → broker → order events, fills, positions.
 * The caller passes the time ({@code now}): event time for the paper broker, so a backtest is deterministic, the wall
 * clock for an exchange.
 *
 * <p>One signal never produces two orders: its client order id is derived from the signal id; a broker with external
 * state is asked for that id before an order is placed, and after a placement whose fate is unknown the order is
 * looked up, never placed again.
 */
public final class ExecutionEngine {
    /** The risk-state key of a halt of every instance. */
    public static final String ALL_INSTANCES = "*";
    static final Duration MARK_INTERVAL = Duration.ofMinutes(1);
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final int PRICE_SCALE = 8;
    private static final Logger log = LoggerFactory.getLogger(ExecutionEngine.class);

    private final OrderPolicy policy;
    private final OrderSizing sizing;
    private final RiskPolicy risk;
    private final TradingVenue broker;
    private final ExecutorState state;
    private final ExecutorOutput output;

    public ExecutionEngine(OrderPolicy policy, OrderSizing sizing, RiskPolicy risk, TradingVenue broker, ExecutorState state, ExecutorOutput output) {
        this.policy = policy;
        this.sizing = sizing;
        this.risk = risk;
        this.broker = broker;
        this.state = state;
        this.output = output;
    }

    public void onSignal(SignalInput signal, Instant now) {
        String instance = signal.instance();
        String symbol = signal.symbol();
        Optional<OpenOrder> open = state.openOrder(instance, symbol);
        Plan plan = OrderPlanner.plan(signal.target(), position(instance, symbol).position().quantity(), open.map(o -> o.request().side()));
        if (plan instanceof Plan.CancelOpenOrder) {
            cancel(open.get(), now, false);
            open = state.openOrder(instance, symbol);
            if (open.isPresent()) {
                log.warn("Signal {}: open order {} of {} in {} could not be canceled; no new order", signal.signalId(),
                        open.get().request().clientOrderId(), instance, symbol);
                return;
            }
            plan = OrderPlanner.plan(signal.target(), position(instance, symbol).position().quantity(), Optional.empty());
        }
        if (plan instanceof Plan.Nothing nothing) {
            log.debug("Signal {}: no order, {}", signal.signalId(), nothing.why());
            return;
        }
        place(signal, (Plan.Place) plan, now);
    }

    public void onTrade(String symbol, BigDecimal price, Instant time) {
        if (broker.hasExternalState()) {
            state.putLastTrade(symbol, new LastTrade(price, time)); // only an exchange order's market reads it, see market()
        } else {
            for (OpenOrder order : state.openOrdersOf(symbol)) {
                if (order.request().createdAt() != null && !time.isAfter(order.request().createdAt())) {
                    continue; // a trade not after the order's time is before the order in event time: it cannot fill it
                }
                if (isExpired(order, time)) {
                    cancel(order, time, true);
                } else {
                    apply(order, broker.refresh(order.request(), new MarketSnapshot(price, order.signalPrice(), time)), time, false);
                }
            }
        }
        long minute = Math.floorDiv(time.toEpochMilli(), MARK_INTERVAL.toMillis());
        for (Map.Entry<String, PositionRecord> entry : state.positionsOf(symbol).entrySet()) {
            PositionRecord record = entry.getValue();
            if (!record.position().isFlat() && minute > record.lastMarkMinute()) {
                updatePosition(entry.getKey(), symbol, record.position().markedAt(price, time), record, minute, time);
            }
        }
    }

    /**
     * For a broker with external state, on the wall clock: refreshes every resting order, cancels the expired ones and
     * looks up orders whose fate is unknown. A failing call is logged and retried at the next refresh.
     */
    public void refreshResting(Instant now) {
        for (OpenOrder order : state.allOpenOrders()) {
            try {
                if (order.fateUnknown()) {
                    resolveUnknown(order, now);
                } else if (isExpired(order, now)) {
                    cancel(order, now, true);
                } else {
                    apply(order, broker.refresh(order.request(), market(order.request().symbol(), order.signalPrice(), now)), now, false);
                }
            } catch (RuntimeException e) {
                log.warn("Refreshing order {} failed, retrying at the next refresh: {}", order.request().clientOrderId(), e.toString());
            }
        }
    }

    private void place(SignalInput signal, Plan.Place plan, Instant now) {
        Optional<SymbolFilters> filters = broker.filters(signal.symbol());
        MarketSnapshot market = market(signal.symbol(), signal.price(), now);
        String clientOrderId = ClientOrderIds.of(signal.signalId());
        BigDecimal quantity;
        try {
            BigDecimal step = filters.map(SymbolFilters::stepSize).orElse(BigDecimal.ZERO);
            quantity = plan.opens() ? sizing.quantity(signal.symbol(), market.referencePrice(), filters)
                    : OrderSizing.roundDown(plan.closingQuantity(), step);
        } catch (OrderSizing.MissingOrderSizeException e) {
            OrderRequest unsized = order(signal, clientOrderId, plan.side(), BigDecimal.ZERO, filters);
            reject(unsized, new Rejection(RiskRule.ORDER_SIZE, e.getMessage()), now);
            return;
        }
        OrderRequest order = order(signal, clientOrderId, plan.side(), quantity, filters);
        BigDecimal notionalPrice = order.type() == OrderType.LIMIT ? order.limitPrice() : market.referencePrice();
        RiskLimits limits = risk.limitsOf(signal.instance());
        PreTradeRisk.Context context = new PreTradeRisk.Context(position(signal.instance(), signal.symbol()).position().quantity(), notionalPrice,
                signal.createdAt(), now, openOrderCount(signal.instance()), state.risk(signal.instance()).recentOrders(),
                haltOf(signal.instance(), now), filters);
        Optional<Rejection> rejection = PreTradeRisk.check(order, limits, context);
        if (rejection.isPresent()) {
            reject(order, rejection.get(), now);
            return;
        }
        OpenOrder tracked = OpenOrder.placed(order, signal.price());
        if (broker.hasExternalState()) {
            Optional<ExecutionReport> known;
            try {
                known = broker.find(order);
            } catch (OrderFateUnknownException e) {
                // an earlier run may have placed it: never place without knowing, look it up again on the next refresh
                log.warn("Order {} of signal {}: cannot ask {} whether it exists ({}); looking it up again later", clientOrderId,
                        signal.signalId(), broker.name(), e.getMessage());
                state.putOpenOrder(new OpenOrder(order, null, OrderStatus.NEW, BigDecimal.ZERO, 0, true, signal.price()));
                return;
            }
            if (known.isPresent()) {
                log.info("Order {} of signal {} already exists at {}: reporting it instead of placing it again", clientOrderId,
                        signal.signalId(), broker.name());
                apply(tracked, known.get(), now, false);
                return;
            }
        }
        state.putRisk(signal.instance(), state.risk(signal.instance()).withOrderAt(now, Duration.ofSeconds(1)));
        ExecutionReport report;
        try {
            report = broker.place(order, market);
        } catch (OrderFateUnknownException e) {
            log.warn("Order {} of signal {}: fate unknown ({}); looking it up by client order id", clientOrderId, signal.signalId(), e.getMessage());
            resolveUnknown(new OpenOrder(order, null, OrderStatus.NEW, BigDecimal.ZERO, 0, true, signal.price()), now);
            return;
        }
        apply(tracked, report, now, false);
    }

    /**
     * Looks an order of unknown fate up; keeps it unknown (to be looked up again) until the broker knows it, or answers
     * that it does not know it after the order's expiry (a MARKET order: one minute after its signal), then REJECTED.
     */
    private void resolveUnknown(OpenOrder order, Instant now) {
        Optional<ExecutionReport> found;
        try {
            found = broker.find(order.request());
        } catch (OrderFateUnknownException e) {
            log.warn("Order {}: looking it up failed ({}); trying again at the next refresh", order.request().clientOrderId(), e.getMessage());
            state.putOpenOrder(order);
            return;
        }
        if (found.isPresent()) {
            apply(new OpenOrder(order.request(), null, OrderStatus.NEW, BigDecimal.ZERO, 0, false, order.signalPrice()), found.get(), now, false);
        } else if (isExpired(order, now) || order.request().type() == OrderType.MARKET && isUnknownTooLong(order, now)) {
            state.removeOpenOrder(order.request().strategyInstance(), order.request().symbol());
            output.order(update(order.request(), OrderStatus.REJECTED, null, BigDecimal.ZERO, null,
                    "order-fate-unknown: " + broker.name() + " does not know the order after placing it failed", now));
        } else {
            state.putOpenOrder(order);
        }
    }

    /** A MARKET order the exchange still does not know after the refresh interval's worth of lookups is taken as never placed. */
    private boolean isUnknownTooLong(OpenOrder order, Instant now) {
        Instant since = order.request().createdAt() != null ? order.request().createdAt() : now;
        return Duration.between(since, now).compareTo(Duration.ofMinutes(1)) > 0;
    }

    private void cancel(OpenOrder order, Instant now, boolean expired) {
        ExecutionReport report = broker.cancel(order.request());
        apply(order, report, now, expired);
    }

    /** Publishes what {@code report} adds to what was published of {@code order}, and keeps or drops the order. */
    private void apply(OpenOrder order, ExecutionReport report, Instant now, boolean expiredByExecutor) {
        OrderRequest request = order.request();
        List<ExchangeFill> fills = report.fills();
        List<ExchangeFill> fresh = fills.size() > order.fillsSeen() ? fills.subList(order.fillsSeen(), fills.size()) : List.of();
        OrderStatus status = expiredByExecutor && report.status() == OrderStatus.CANCELED ? OrderStatus.EXPIRED : report.status();
        boolean changed = !fresh.isEmpty() || status != order.status() || order.fillsSeen() == 0 && order.exchangeOrderId() == null;
        if (changed) {
            output.order(update(request, status, report.exchangeOrderId(), report.executedQuantity(), averagePrice(fills), report.rejectReason(), now));
        }
        if (!fresh.isEmpty()) {
            String instance = request.strategyInstance();
            Optional<Symbols.Assets> assets = Symbols.assets(request.symbol(), broker.filters(request.symbol()));
            String base = assets.map(Symbols.Assets::base).orElse(request.symbol());
            String quote = assets.map(Symbols.Assets::quote).orElse("");
            PositionRecord record = position(instance, request.symbol());
            PositionState position = record.position();
            for (ExchangeFill fill : fresh) {
                output.fill(request, report.exchangeOrderId(), fill);
                position = position.apply(new PositionState.Execution(request.side(), fill.price(), fill.quantity(), fill.commission(),
                        fill.commissionAsset(), fill.time()), base, quote);
            }
            updatePosition(instance, request.symbol(), position, record, record.lastMarkMinute(), now);
        }
        if (report.isFinal()) {
            state.removeOpenOrder(request.strategyInstance(), request.symbol());
        } else {
            state.putOpenOrder(new OpenOrder(request, report.exchangeOrderId(), status, report.executedQuantity(), fills.size(), false,
                    order.signalPrice()));
        }
    }

    private void updatePosition(String instance, String symbol, PositionState position, PositionRecord previous, long markMinute, Instant now) {
        BigDecimal net = position.netPnl();
        LossLimits.Watermarks watermarks = LossLimits.observe(previous.watermarks(), net, now);
        state.putPosition(instance, symbol, new PositionRecord(position, watermarks, markMinute));
        output.position(instance, symbol, position, now);
        Optional<Halt> breach = LossLimits.breach(risk.limitsOf(instance), watermarks, net);
        if (breach.isPresent() && haltOf(instance, now).isEmpty()) {
            String key = risk.haltScope() == RiskPolicy.HaltScope.ALL ? ALL_INSTANCES : instance;
            log.warn("HALTED {} ({} in {}): {}; only position-reducing orders pass", key, instance, symbol, breach.get().reason());
            state.putRisk(key, state.risk(key).withHalt(breach.get()));
        }
    }

    private void reject(OrderRequest order, Rejection rejection, Instant now) {
        log.info("Order {} of {} in {} REJECTED: {}", order.clientOrderId(), order.strategyInstance(), order.symbol(), rejection.reason());
        output.order(update(order, OrderStatus.REJECTED, null, BigDecimal.ZERO, null, rejection.reason(), now));
    }

    private ExecutorOutput.OrderUpdate update(OrderRequest order, OrderStatus status, String exchangeOrderId, BigDecimal filled,
                                              BigDecimal averagePrice, String reason, Instant now) {
        return new ExecutorOutput.OrderUpdate(order, broker.name(), status, exchangeOrderId, filled, averagePrice, reason, now);
    }

    private OrderRequest order(SignalInput signal, String clientOrderId, OrderSide side, BigDecimal quantity, Optional<SymbolFilters> filters) {
        if (policy.type() == OrderType.MARKET) {
            return new OrderRequest(clientOrderId, signal.signalId(), signal.instance(), signal.symbol(), side, OrderType.MARKET, quantity,
                    null, null, null, signal.createdAt());
        }
        Instant expiresAt = policy.limitExpiry().isZero() ? null : signal.createdAt().plus(policy.limitExpiry());
        return new OrderRequest(clientOrderId, signal.signalId(), signal.instance(), signal.symbol(), side, OrderType.LIMIT, quantity,
                limitPrice(side, signal.price(), filters), policy.timeInForce(), expiresAt, signal.createdAt());
    }

    /** The signal price moved by the offset away from the market (a BUY below, a SELL above), then to the tick size that way. */
    BigDecimal limitPrice(OrderSide side, BigDecimal signalPrice, Optional<SymbolFilters> filters) {
        BigDecimal offset = signalPrice.multiply(policy.limitOffsetBps()).divide(BPS);
        BigDecimal raw = side == OrderSide.BUY ? signalPrice.subtract(offset) : signalPrice.add(offset);
        BigDecimal tick = filters.map(SymbolFilters::tickSize).filter(t -> t.signum() > 0).orElse(BigDecimal.ONE.movePointLeft(PRICE_SCALE));
        RoundingMode away = side == OrderSide.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return raw.divide(tick, 0, away).multiply(tick).stripTrailingZeros();
    }

    private static BigDecimal averagePrice(List<ExchangeFill> fills) {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (ExchangeFill fill : fills) {
            quantity = quantity.add(fill.quantity());
            notional = notional.add(fill.price().multiply(fill.quantity()));
        }
        return quantity.signum() == 0 ? null : notional.divide(quantity, PositionState.PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    private PositionRecord position(String instance, String symbol) {
        return state.position(instance, symbol).orElseGet(PositionRecord::flat);
    }

    /**
     * The market an order of a signal meets. For a broker without external state (paper) it is the market as of the
     * signal's event time: the signal's price, the close of its candle, which is the last trade before the candle's end;
     * never the latest trade that happened to arrive, which live is already of the next minute (candles close after
     * their grace period) and in a backtest depends on the replay's order. So paper fills depend on event times only.
     */
    private MarketSnapshot market(String symbol, BigDecimal signalPrice, Instant now) {
        if (!broker.hasExternalState()) {
            return new MarketSnapshot(null, signalPrice, now);
        }
        Optional<LastTrade> last = state.lastTrade(symbol);
        return new MarketSnapshot(last.map(LastTrade::price).orElse(null), signalPrice, now);
    }

    private Optional<Halt> haltOf(String instance, Instant now) {
        Halt own = state.risk(instance).halt();
        if (own != null && own.inForceAt(now)) {
            return Optional.of(own);
        }
        Halt all = state.risk(ALL_INSTANCES).halt();
        return all != null && all.inForceAt(now) ? Optional.of(all) : Optional.empty();
    }

    private int openOrderCount(String instance) {
        return (int) state.allOpenOrders().stream().filter(order -> instance.equals(order.request().strategyInstance())).count();
    }

    private static boolean isExpired(OpenOrder order, Instant now) {
        return order.request().expiresAt() != null && !now.isBefore(order.request().expiresAt());
    }
}
