/**
 * Risk: {@link dev.tickflow.executor.risk.RiskEngine} runs the pre-trade checks, keeps the rate windows and each
 * instance's {@link dev.tickflow.executor.risk.TradingState} (loss limits halt). No Kafka here.
 */
package dev.tickflow.executor.risk;
