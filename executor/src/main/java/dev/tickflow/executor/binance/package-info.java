/**
 * The {@code binance} venue: orders on Binance Spot (Testnet by default) through Binance Connector Java, with
 * reconciliation by client order id, clock resynchronisation and rate-limit back-off. See docs/binance-broker.md.
 */
package dev.tickflow.executor.binance;
