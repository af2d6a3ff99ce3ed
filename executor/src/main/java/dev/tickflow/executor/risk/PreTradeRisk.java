package dev.tickflow.executor.risk;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checks an order passes before it goes to the venue, in this order: stale signal, halted, max position, max
 * order notional, max orders per second, max open orders, the exchange's PRICE_FILTER, LOT_SIZE and
 * MIN_NOTIONAL/NOTIONAL. The first that fails refuses the order.
 *
 * <p>An order that only reduces the position (a SELL of at most the long quantity) passes a REDUCING halt, max position
 * and max order notional: a halted or oversized instance must always be able to get out. It still obeys the rate, the
 * open-order count and the exchange's filters. A HALTED instance places nothing.
 */
public final class PreTradeRisk {
    static final Duration RATE_WINDOW = Duration.ofSeconds(1);

    private PreTradeRisk() {
    }

    /**
     * What the checks need to know besides the order.
     *
     * @param position       the instance's quantity in the symbol before the order
     * @param price          the price the notionals are computed at: the limit price, or the market's reference price
     * @param signalTime     when the signal was decided
     * @param now            the executor's clock (event time for paper, wall clock for an exchange)
     * @param openOrders     the instance's resting orders
     * @param recentOrders   when the instance's latest orders were placed (at least those of the last second)
     * @param halt           the halt in force for the instance, if any: its trading state (REDUCING, HALTED) applies
     * @param filters        the exchange's rules for the symbol, if it has any
     */
    public record Context(BigDecimal position, BigDecimal price, Instant signalTime, Instant now, int openOrders,
                          List<Instant> recentOrders, Optional<Halt> halt, Optional<SymbolFilters> filters) {
    }

    public static Optional<Rejection> check(OrderRequest order, RiskLimits limits, Context context) {
        boolean reduces = reduces(order, context.position());
        BigDecimal notional = order.quantity().multiply(context.price());
        if (order.createdAt() != null) {
            Optional<Rejection> stale = staleSignal(limits, context.signalTime(), context.now());
            if (stale.isPresent()) {
                return stale;
            }
        }
        TradingState trading = context.halt().map(Halt::state).orElse(TradingState.ACTIVE);
        if (!trading.allows(reduces)) {
            String passing = trading == TradingState.REDUCING ? "only position-reducing orders pass" : "no order passes";
            return reject(RiskRule.HALTED, passing + " while halted (" + context.halt().get().reason() + ")");
        }
        if (!reduces && limits.maxPositionNotional() != null) {
            BigDecimal signed = order.side() == OrderSide.BUY ? order.quantity() : order.quantity().negate();
            BigDecimal after = context.position().add(signed).abs().multiply(context.price());
            if (after.compareTo(limits.maxPositionNotional()) > 0) {
                return reject(RiskRule.MAX_POSITION, "position would be worth " + plain(after) + ", the limit is " + plain(limits.maxPositionNotional()));
            }
        }
        if (!reduces && limits.maxOrderNotional() != null && notional.compareTo(limits.maxOrderNotional()) > 0) {
            return reject(RiskRule.MAX_ORDER_NOTIONAL, "order is worth " + plain(notional) + ", the limit is " + plain(limits.maxOrderNotional()));
        }
        if (limits.maxOrdersPerSecond() != null) {
            Instant windowStart = context.now().minus(RATE_WINDOW);
            long inWindow = context.recentOrders().stream().filter(time -> time.isAfter(windowStart)).count();
            if (inWindow >= limits.maxOrdersPerSecond()) {
                return reject(RiskRule.MAX_ORDERS_PER_SECOND, inWindow + " orders in the last second, the limit is " + limits.maxOrdersPerSecond());
            }
        }
        if (limits.maxOpenOrders() != null && order.type() == OrderType.LIMIT && context.openOrders() >= limits.maxOpenOrders()) {
            return reject(RiskRule.MAX_OPEN_ORDERS, context.openOrders() + " orders open, the limit is " + limits.maxOpenOrders());
        }
        if (order.quantity().signum() <= 0) {
            return reject(RiskRule.LOT_SIZE, "quantity " + plain(order.quantity()) + " is not positive");
        }
        if (context.filters().isPresent()) {
            return checkFilters(order, notional, context.filters().get());
        }
        return Optional.empty();
    }

    /** Binance's PRICE_FILTER, LOT_SIZE and MIN_NOTIONAL/NOTIONAL; a zero bound is off. */
    static Optional<Rejection> checkFilters(OrderRequest order, BigDecimal notional, SymbolFilters filters) {
        for (BigDecimal price : prices(order)) {
            Optional<Rejection> broken = checkPrice(price, filters);
            if (broken.isPresent()) {
                return broken;
            }
        }
        BigDecimal quantity = order.quantity();
        if (filters.minQuantity().signum() > 0 && quantity.compareTo(filters.minQuantity()) < 0) {
            return reject(RiskRule.LOT_SIZE, "quantity " + plain(quantity) + " is below the minimum " + plain(filters.minQuantity()));
        }
        if (filters.maxQuantity().signum() > 0 && quantity.compareTo(filters.maxQuantity()) > 0) {
            return reject(RiskRule.LOT_SIZE, "quantity " + plain(quantity) + " is above the maximum " + plain(filters.maxQuantity()));
        }
        if (!isMultiple(quantity.subtract(filters.minQuantity()), filters.stepSize())) {
            return reject(RiskRule.LOT_SIZE, "quantity " + plain(quantity) + " is not a multiple of the step size " + plain(filters.stepSize()));
        }
        if (filters.minNotional().signum() > 0 && notional.compareTo(filters.minNotional()) < 0) {
            return reject(RiskRule.NOTIONAL, "notional " + plain(notional) + " is below the minimum " + plain(filters.minNotional()));
        }
        if (filters.maxNotional().signum() > 0 && notional.compareTo(filters.maxNotional()) > 0) {
            return reject(RiskRule.NOTIONAL, "notional " + plain(notional) + " is above the maximum " + plain(filters.maxNotional()));
        }
        return Optional.empty();
    }

    /** Every price the order names: its limit price, stop price and an OCO pair's take-profit price (PRICE_FILTER covers each). */
    private static List<BigDecimal> prices(OrderRequest order) {
        return Stream.of(order.limitPrice(), order.stopPrice(), order.stop().takeProfitPrice()).filter(Objects::nonNull).toList();
    }

    private static Optional<Rejection> checkPrice(BigDecimal price, SymbolFilters filters) {
        if (filters.minPrice().signum() > 0 && price.compareTo(filters.minPrice()) < 0) {
            return reject(RiskRule.PRICE_FILTER, "price " + plain(price) + " is below the minimum " + plain(filters.minPrice()));
        }
        if (filters.maxPrice().signum() > 0 && price.compareTo(filters.maxPrice()) > 0) {
            return reject(RiskRule.PRICE_FILTER, "price " + plain(price) + " is above the maximum " + plain(filters.maxPrice()));
        }
        if (!isMultiple(price.subtract(filters.minPrice()), filters.tickSize())) {
            return reject(RiskRule.PRICE_FILTER, "price " + plain(price) + " is not a multiple of the tick size " + plain(filters.tickSize()));
        }
        return Optional.empty();
    }

    /** Whether the order only brings the position closer to zero. */
    public static boolean reduces(OrderRequest order, BigDecimal position) {
        return order.side() == OrderSide.SELL
                ? position.signum() > 0 && order.quantity().compareTo(position) <= 0
                : position.signum() < 0 && order.quantity().compareTo(position.negate()) <= 0;
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal step) {
        return step.signum() == 0 || value.remainder(step).signum() == 0;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The {@code stale-signal} rejection of a signal decided at {@code signalTime}, when it is older than the limit at {@code now}. */
    public static Optional<Rejection> staleSignal(RiskLimits limits, Instant signalTime, Instant now) {
        if (limits.maxSignalAge() == null || signalTime == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(signalTime, now);
        if (age.compareTo(limits.maxSignalAge()) > 0) {
            return reject(RiskRule.STALE_SIGNAL, "signal is " + age.toMillis() + " ms old, the limit is " + limits.maxSignalAge().toMillis() + " ms");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(RiskRule rule, String message) {
        return Optional.of(new Rejection(rule, message));
    }
}
