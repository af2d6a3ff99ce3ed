package dev.tickflow.executor.engine;

import dev.tickflow.executor.model.TargetPosition;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the engine needs of a strategy.signals record.
 *
 * @param stopPrice the strategy's stop-loss price in force after the signal; null when it names none
 */
public record SignalInput(String signalId, String instance, String symbol, TargetPosition target, BigDecimal price, Instant createdAt,
                          BigDecimal stopPrice) {

    public SignalInput(String signalId, String instance, String symbol, TargetPosition target, BigDecimal price, Instant createdAt) {
        this(signalId, instance, symbol, target, price, createdAt, null);
    }
}
