/**
 * The portfolio: {@link dev.tickflow.executor.portfolio.Portfolio} keeps each instance's position per symbol, its PnL
 * and fees, from fills and marks. No Kafka here.
 */
package dev.tickflow.executor.portfolio;
