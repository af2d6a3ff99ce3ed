package dev.tickflow.executor.engine;

import dev.tickflow.executor.model.TargetPosition;
import java.math.BigDecimal;
import java.time.Instant;

/** What the engine needs of a strategy.signals record. */
public record SignalInput(String signalId, String instance, String symbol, TargetPosition target, BigDecimal price, Instant createdAt) {
}
