package dev.tickflow.executor.paper;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderStatus;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.order.Symbols;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.ExecutionReport;
import dev.tickflow.executor.venue.MarketSnapshot;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.OrderRules;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.executor.venue.StopTrigger;
import dev.tickflow.executor.venue.SymbolFilters;
import dev.tickflow.executor.venue.TradingVenue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills orders on paper, deterministically, from the order and the market snapshot alone: the same input always gives
 * the same fills, in a live service and in a backtest. It keeps no state; the executor keeps every order.
 *
 * <ul>
 *   <li>MARKET: fills completely at once at the reference price (latest md.trades price, else the signal's), moved
 *       against the order by {@code slippageBps} (a BUY pays more, a SELL gets less).</li>
 *   <li>LIMIT, marketable when placed (a BUY limit at or above the reference price, a SELL at or below): fills
 *       completely at the reference price, without slippage.</li>
 *   <li>LIMIT, not marketable: GTC rests (NEW); IOC and FOK expire at once (EXPIRED), as Binance reports them. A
 *       resting order fills completely at its limit price when the market trades through it: a trade strictly below a
 *       BUY limit, strictly above a SELL limit. A trade at the limit does not fill it (the queue ahead is unknown).</li>
 *   <li>LIMIT_MAKER: refused when it would take (Binance's rule), else rests as a GTC LIMIT.</li>
 *   <li>STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT: refused when they break Binance's rules ({@link OrderRules}), else rest
 *       untriggered. A trade at or through the stop price triggers them (a trailing stop: a trade {@code trailingDelta}
 *       bps back from the best price since it started tracking, {@link StopTrigger}); then they work as a LIMIT at
 *       their limit price: marketable at the triggering trade, they fill completely at its price, else they rest. An
 *       OCO pair's LIMIT_MAKER leg fills at its price when a trade goes strictly through it, before its stop leg
 *       triggers; either one ends the other (the pair is one order here, its fill's trade id names the leg).</li>
 *   <li>Fee: {@code feeRate} × price × quantity, in the quote asset, for every fill (no maker/taker distinction).</li>
 *   <li>Ids: exchange order id {@code paper-<clientOrderId>}, trade id {@code <clientOrderId>-1}: one fill per order.</li>
 * </ul>
 */
public final class PaperVenue implements TradingVenue {
    public static final String NAME = "paper";
    static final int PRICE_SCALE = 8;
    /** Scale of a commission as oms.fills carries it. */
    static final int COMMISSION_SCALE = 16;
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final BigDecimal feeRate;
    private final BigDecimal slippageBps;
    private final Map<String, SymbolFilters> filters;

    /**
     * @param feeRate     fraction of the notional charged per fill, such as 0.001 for 0.1 %
     * @param slippageBps basis points a market order's price moves against it
     * @param filters     trading rules per symbol; a symbol without any has none
     */
    public PaperVenue(BigDecimal feeRate, BigDecimal slippageBps, Map<String, SymbolFilters> filters) {
        if (feeRate.signum() < 0 || slippageBps.signum() < 0) {
            throw new IllegalArgumentException("Fee rate and slippage must not be negative");
        }
        this.feeRate = feeRate;
        this.slippageBps = slippageBps;
        this.filters = Map.copyOf(filters);
    }

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public ExecutionReport place(OrderRequest order, MarketSnapshot market) {
        BigDecimal reference = market.referencePrice();
        if (reference == null) {
            return ExecutionReport.rejected(order.clientOrderId(), "paper: no price for " + order.symbol(), market.time());
        }
        if (order.type() == OrderType.MARKET) {
            return filled(order, withSlippage(order.side(), reference), market);
        }
        Optional<String> broken = OrderRules.check(order, reference, filters(order.symbol()));
        if (broken.isPresent()) {
            return ExecutionReport.rejected(order.clientOrderId(), broken.get(), market.time());
        }
        if (order.type().isConditional()) {
            return report(order, OrderStatus.NEW, List.of(), market, StopTrigger.atPlacement(order, reference));
        }
        if (order.type() == OrderType.LIMIT_MAKER) {
            return report(order, OrderStatus.NEW, List.of(), market);
        }
        if (marketable(order.side(), order.limitPrice(), reference)) {
            return filled(order, reference, market);
        }
        OrderStatus status = order.timeInForce() == TimeInForce.GTC ? OrderStatus.NEW : OrderStatus.EXPIRED;
        return report(order, status, List.of(), market);
    }

    @Override
    public Optional<ExecutionReport> find(OrderRequest order) {
        return Optional.empty();
    }

    @Override
    public ExecutionReport refresh(OrderRequest order, MarketSnapshot market) {
        return refresh(order, null, market);
    }

    @Override
    public ExecutionReport refresh(OrderRequest order, StopTrigger trigger, MarketSnapshot market) {
        BigDecimal last = market.lastTradePrice();
        StopTrigger state = trigger == null ? StopTrigger.WAITING : trigger;
        if (last == null || order.type() == OrderType.MARKET) {
            return report(order, OrderStatus.NEW, List.of(), market, order.type().isConditional() ? state : null);
        }
        if (!order.type().isConditional()) {
            return tradedThrough(order.side(), order.limitPrice(), last) ? filled(order, order.limitPrice(), market)
                    : report(order, OrderStatus.NEW, List.of(), market);
        }
        if (state.triggered()) {
            return tradedThrough(order.side(), order.limitPrice(), last) ? filled(order, order.limitPrice(), market)
                    : report(order, OrderStatus.NEW, List.of(), market, state);
        }
        BigDecimal takeProfit = order.stop().takeProfitPrice();
        if (takeProfit != null && tradedThrough(order.side(), takeProfit, last)) {
            return filled(order, StopTerms.takeProfitLegId(order.clientOrderId()), takeProfit, market);
        }
        StopTrigger next = state.next(order, last);
        if (next.triggered() && marketable(order.side(), order.limitPrice(), last)) {
            return filled(order, last, market);
        }
        return report(order, OrderStatus.NEW, List.of(), market, next);
    }

    /** A trade strictly through a resting order's price: below a BUY's, above a SELL's. */
    private static boolean tradedThrough(OrderSide side, BigDecimal price, BigDecimal last) {
        return side == OrderSide.BUY ? last.compareTo(price) < 0 : last.compareTo(price) > 0;
    }

    @Override
    public ExecutionReport cancel(OrderRequest order) {
        return new ExecutionReport(order.clientOrderId(), exchangeOrderId(order), OrderStatus.CANCELED, BigDecimal.ZERO, List.of(), null,
                order.expiresAt() != null ? order.expiresAt() : order.createdAt());
    }

    @Override
    public Optional<SymbolFilters> filters(String symbol) {
        return Optional.ofNullable(filters.get(symbol));
    }

    private static boolean marketable(OrderSide side, BigDecimal limitPrice, BigDecimal reference) {
        return side == OrderSide.BUY ? limitPrice.compareTo(reference) >= 0 : limitPrice.compareTo(reference) <= 0;
    }

    private BigDecimal withSlippage(OrderSide side, BigDecimal reference) {
        BigDecimal factor = slippageBps.divide(BPS);
        BigDecimal moved = side == OrderSide.BUY ? reference.multiply(BigDecimal.ONE.add(factor)) : reference.multiply(BigDecimal.ONE.subtract(factor));
        return moved.setScale(PRICE_SCALE, side == OrderSide.BUY ? RoundingMode.UP : RoundingMode.DOWN).stripTrailingZeros();
    }

    private ExecutionReport filled(OrderRequest order, BigDecimal price, MarketSnapshot market) {
        return filled(order, order.clientOrderId(), price, market);
    }

    /** Filled completely at {@code price} by the order's leg {@code legClientOrderId}: its one fill's trade id is {@code <leg>-1}. */
    private ExecutionReport filled(OrderRequest order, String legClientOrderId, BigDecimal price, MarketSnapshot market) {
        String quoteAsset = Symbols.assets(order.symbol(), filters(order.symbol())).map(Symbols.Assets::quote).orElse("QUOTE");
        BigDecimal commission = price.multiply(order.quantity()).multiply(feeRate).setScale(COMMISSION_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        ExchangeFill fill = new ExchangeFill(legClientOrderId + "-1", price, order.quantity(), commission, quoteAsset, market.time());
        return report(order, OrderStatus.FILLED, List.of(fill), market);
    }

    private static ExecutionReport report(OrderRequest order, OrderStatus status, List<ExchangeFill> fills, MarketSnapshot market) {
        return report(order, status, fills, market, null);
    }

    private static ExecutionReport report(OrderRequest order, OrderStatus status, List<ExchangeFill> fills, MarketSnapshot market,
                                          StopTrigger trigger) {
        BigDecimal executed = fills.stream().map(ExchangeFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ExecutionReport(order.clientOrderId(), exchangeOrderId(order), status, executed, fills, null, market.time(), trigger);
    }

    private static String exchangeOrderId(OrderRequest order) {
        return "paper-" + order.clientOrderId();
    }
}
