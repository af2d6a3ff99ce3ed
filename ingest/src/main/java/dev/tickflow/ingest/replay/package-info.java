/** Reading Binance public-data trade files (aggTrades and trades CSV) as {@code Trade} records, for replays and backtests. */
package dev.tickflow.ingest.replay;
