/**
 * The executor's engine, free of Kafka: {@link dev.tickflow.executor.engine.ExecutionEngine} coordinates the order
 * lifecycle ({@code oms}), the {@code portfolio}, {@code risk} and the venue, met as a
 * {@link dev.tickflow.executor.engine.SimulatedVenue} or an {@link dev.tickflow.executor.engine.ExchangeVenue}.
 */
package dev.tickflow.executor.engine;
