package dev.tickflow.executor.engine;

import dev.tickflow.executor.model.TimeInForce;
import dev.tickflow.executor.model.OrderType;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How orders are shaped.
 *
 * @param limitOffsetBps a BUY limit lies this many basis points below the signal price, a SELL limit above it
 * @param limitExpiry    a resting LIMIT order is canceled this long after its signal; zero never
 */
public record OrderPolicy(OrderType type, BigDecimal limitOffsetBps, TimeInForce timeInForce, Duration limitExpiry) {
}
