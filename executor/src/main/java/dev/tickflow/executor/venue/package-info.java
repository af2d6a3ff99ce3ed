/**
 * The contract between the executor and the venues orders go to (the paper venue and Binance): {@link
 * dev.tickflow.executor.venue.TradingVenue}, the order it gets, the reports and fills it answers. No Kafka here.
 */
package dev.tickflow.executor.venue;
