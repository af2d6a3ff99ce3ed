package dev.tickflow.executor.order;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.Protection;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.ExchangeFill;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * The protective order of a long position after a fill of its entry: a SELL of what is held, with a client order id
 * derived from that fill, so that the order a fill causes is always the same one and a crash between the fill and the
 * placement places it exactly once (the exchange is asked for the id first).
 */
public final class ProtectiveOrders {
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final int PRICE_SCALE = 8;

    private ProtectiveOrders() {
    }

    /** The client order id of the protective order that {@code fill} of {@code entryClientOrderId} causes. */
    public static String clientOrderId(String entryClientOrderId, ExchangeFill fill) {
        return ClientOrderIds.of("protect:" + entryClientOrderId + ":" + fill.tradeId());
    }

    /**
     * The protective order of {@code held} (already rounded to the step size) bought at {@code entryPrice} by {@code entry}, whose
     * latest fill is {@code fill}; empty when {@code policy} keeps protection in the strategy.
     */
    public static Optional<OrderRequest> protect(ProtectionPolicy policy, OrderRequest entry, ExchangeFill fill, BigDecimal held,
                                                 BigDecimal entryPrice, Optional<SymbolFilters> filters, Instant now) {
        if (!policy.atExchange()) {
            return Optional.empty();
        }
        BigDecimal tick = filters.map(SymbolFilters::tickSize).filter(t -> t.signum() > 0).orElse(BigDecimal.ONE.movePointLeft(PRICE_SCALE));
        String clientOrderId = clientOrderId(entry.clientOrderId(), fill);
        BigDecimal stopFraction = entry.stop().stopLossFraction() != null ? entry.stop().stopLossFraction() : policy.stopFraction();
        BigDecimal stopPrice = toTick(below(entryPrice, stopFraction), tick, RoundingMode.FLOOR);
        BigDecimal limitPrice = toTick(below(stopPrice, policy.limitOffsetFraction()), tick, RoundingMode.FLOOR);
        StopTerms terms = switch (policy.mode()) {
            case EXCHANGE_STOP -> new StopTerms(stopPrice, null, null, null, Protection.STOP_LOSS, entry.clientOrderId());
            case EXCHANGE_OCO -> new StopTerms(stopPrice, null,
                    toTick(entryPrice.multiply(BigDecimal.ONE.add(policy.takeProfitFraction())), tick, RoundingMode.CEILING),
                    clientOrderId + "-list", Protection.STOP_LOSS, entry.clientOrderId());
            case EXCHANGE_TRAILING -> new StopTerms(null, policy.trailingDeltaBps(), null, null, Protection.TRAILING_STOP, entry.clientOrderId());
            case STRATEGY -> throw new IllegalStateException("no protective order in the strategy's mode");
        };
        if (policy.mode() == ProtectionPolicy.Mode.EXCHANGE_TRAILING) {
            BigDecimal trail = BigDecimal.valueOf(policy.trailingDeltaBps()).divide(BPS);
            limitPrice = toTick(below(entryPrice, trail.add(policy.limitOffsetFraction())), tick, RoundingMode.FLOOR);
        }
        return Optional.of(new OrderRequest(clientOrderId, null, entry.strategyInstance(), entry.symbol(), OrderSide.SELL,
                OrderType.STOP_LOSS_LIMIT, held, limitPrice, TimeInForce.GTC, null, now, terms));
    }

    private static BigDecimal below(BigDecimal price, BigDecimal fraction) {
        return price.multiply(BigDecimal.ONE.subtract(fraction));
    }

    private static BigDecimal toTick(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        return price.divide(tick, 0, mode).multiply(tick).stripTrailingZeros();
    }
}
