/** Strategy streams: the topology that turns candles into indicator snapshots and signals with per-instance state stores. */
package dev.tickflow.strategy;
