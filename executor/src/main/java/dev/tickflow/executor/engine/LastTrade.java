package dev.tickflow.executor.engine;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest md.trades price of a symbol. */
public record LastTrade(BigDecimal price, Instant time) {
}
