package dev.tickflow.executor.risk;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.venue.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checks over every symbol (and, for the account, every instance), after the instance's own ({@link PreTradeRisk}):
 * instance exposure, portfolio exposure, the account's open orders and its rate. An order that only reduces its position
 * passes the exposure limits, as it does the position limits.
 */
public final class PortfolioRisk {

    private PortfolioRisk() {
    }

    /** A held position as the exposure limits see it: |quantity| × its latest price. */
    public record Holding(String instance, String symbol, BigDecimal quantity, BigDecimal price) {
        BigDecimal exposure() {
            return quantity.abs().multiply(price);
        }
    }

    /**
     * What the checks need to know besides the order.
     *
     * @param position     the instance's quantity in the order's symbol before the order
     * @param price        the price the order's notional is computed at
     * @param now          the executor's clock
     * @param holdings     every position of the account
     * @param openOrders   the account's resting orders
     * @param recentOrders when the account's latest orders were placed
     */
    public record Context(BigDecimal position, BigDecimal price, Instant now, List<Holding> holdings, int openOrders,
                          List<Instant> recentOrders) {
    }

    public static Optional<Rejection> check(OrderRequest order, PortfolioLimits limits, Context context) {
        if (limits.maxAccountOrdersPerSecond() != null) {
            Instant windowStart = context.now().minus(PreTradeRisk.RATE_WINDOW);
            long inWindow = context.recentOrders().stream().filter(time -> time.isAfter(windowStart)).count();
            if (inWindow >= limits.maxAccountOrdersPerSecond()) {
                return reject(RiskRule.ACCOUNT_RATE, inWindow + " orders of the account in the last second, the limit is "
                        + limits.maxAccountOrdersPerSecond());
            }
        }
        if (limits.maxAccountOpenOrders() != null && order.type() == OrderType.LIMIT && context.openOrders() >= limits.maxAccountOpenOrders()) {
            return reject(RiskRule.ACCOUNT_OPEN_ORDERS, context.openOrders() + " orders of the account open, the limit is "
                    + limits.maxAccountOpenOrders());
        }
        if (PreTradeRisk.reduces(order, context.position())) {
            return Optional.empty();
        }
        BigDecimal signed = order.side() == OrderSide.BUY ? order.quantity() : order.quantity().negate();
        BigDecimal own = context.position().add(signed).abs().multiply(context.price());
        BigDecimal instance = own;
        BigDecimal account = own;
        for (Holding holding : context.holdings()) {
            if (holding.instance().equals(order.strategyInstance()) && holding.symbol().equals(order.symbol())) {
                continue;
            }
            account = account.add(holding.exposure());
            if (holding.instance().equals(order.strategyInstance())) {
                instance = instance.add(holding.exposure());
            }
        }
        if (limits.maxInstanceExposure() != null && instance.compareTo(limits.maxInstanceExposure()) > 0) {
            return reject(RiskRule.INSTANCE_EXPOSURE, "instance " + order.strategyInstance() + " would hold " + plain(instance)
                    + " over all its symbols, the limit is " + plain(limits.maxInstanceExposure()));
        }
        if (limits.maxAccountExposure() != null && account.compareTo(limits.maxAccountExposure()) > 0) {
            return reject(RiskRule.PORTFOLIO_EXPOSURE, "the account would hold " + plain(account) + " over all instances and symbols, the limit is "
                    + plain(limits.maxAccountExposure()));
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Optional<Rejection> reject(RiskRule rule, String message) {
        return Optional.of(new Rejection(rule, message));
    }
}
