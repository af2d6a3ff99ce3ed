/** Executor: turns signals into orders through pre-trade risk checks to a venue (paper or Binance), and publishes orders, fills and positions. */
package dev.tickflow.executor;
