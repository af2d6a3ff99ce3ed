package dev.tickflow.backtest.sweep;

/** A parameter set the strategy type refused, with its reason. */
public record SkippedSet(ParameterSet set, String reason) {
}
