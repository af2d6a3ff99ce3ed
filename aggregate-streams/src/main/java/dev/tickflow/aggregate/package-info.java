/** Aggregate streams: the topology that windows md.trades into final OHLC candles (md.candles.<interval>) following Binance's kline rules. */
package dev.tickflow.aggregate;
