/** Ingest: writes exchange trades to md.trades from Binance's WebSocket streams, a simulator or CSV replay of Binance public data. */
package dev.tickflow.ingest;
