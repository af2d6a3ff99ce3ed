/** The built-in strategy types (SMA/EMA crossover, channel breakout) and their shared position and stop-loss rules. */
package dev.tickflow.strategy.builtin;
