package dev.tickflow.executor.engine;

import dev.tickflow.executor.model.OrderSide;
import dev.tickflow.executor.model.OrderType;
import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.venue.OrderRequest;
import dev.tickflow.executor.venue.StopTerms;
import dev.tickflow.executor.venue.SymbolFilters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How orders are shaped.
 *
 * @param limitOffsetBps a BUY limit lies this many basis points below the signal price, a SELL limit above it
 * @param limitExpiry    a resting LIMIT order is canceled this long after its signal; zero never
 */
public record OrderPolicy(OrderType type, BigDecimal limitOffsetBps, TimeInForce timeInForce, Duration limitExpiry) {
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final int PRICE_SCALE = 8;
    private static final int FRACTION_SCALE = 8;

    /** The order of {@code signal}: MARKET, or LIMIT at the offset from its price with the time in force and the expiry. */
    public OrderRequest orderFor(SignalInput signal, String clientOrderId, OrderSide side, BigDecimal quantity, Optional<SymbolFilters> filters) {
        StopTerms stop = side == OrderSide.BUY ? stopLossFraction(signal).map(StopTerms::entryWithStopLoss).orElse(StopTerms.NONE) : StopTerms.NONE;
        if (type == OrderType.MARKET) {
            return new OrderRequest(clientOrderId, signal.signalId(), signal.instance(), signal.symbol(), side, OrderType.MARKET, quantity,
                    null, null, null, signal.createdAt(), stop);
        }
        Instant expiresAt = limitExpiry.isZero() ? null : signal.createdAt().plus(limitExpiry);
        return new OrderRequest(clientOrderId, signal.signalId(), signal.instance(), signal.symbol(), side, OrderType.LIMIT, quantity,
                limitPrice(side, signal.price(), filters), timeInForce, expiresAt, signal.createdAt(), stop);
    }

    /** How far below its price a signal puts its stop loss: {@code 1 - stopPrice / price}, when it names a stop below its price. */
    static Optional<BigDecimal> stopLossFraction(SignalInput signal) {
        if (signal.stopPrice() == null || signal.price() == null || signal.price().signum() <= 0
                || signal.stopPrice().compareTo(signal.price()) >= 0 || signal.stopPrice().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.ONE.subtract(signal.stopPrice().divide(signal.price(), FRACTION_SCALE, RoundingMode.HALF_EVEN)));
    }

    /** The signal price moved by the offset away from the market (a BUY below, a SELL above), then to the tick size that way. */
    BigDecimal limitPrice(OrderSide side, BigDecimal signalPrice, Optional<SymbolFilters> filters) {
        BigDecimal offset = signalPrice.multiply(limitOffsetBps).divide(BPS);
        BigDecimal raw = side == OrderSide.BUY ? signalPrice.subtract(offset) : signalPrice.add(offset);
        BigDecimal tick = filters.map(SymbolFilters::tickSize).filter(t -> t.signum() > 0).orElse(BigDecimal.ONE.movePointLeft(PRICE_SCALE));
        RoundingMode away = side == OrderSide.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return raw.divide(tick, 0, away).multiply(tick).stripTrailingZeros();
    }
}
