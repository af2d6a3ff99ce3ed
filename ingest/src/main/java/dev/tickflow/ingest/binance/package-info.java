/** Binance Spot aggregate trades: WebSocket combined streams with reconnect, watchdog, rotation and REST backfill. */
package dev.tickflow.ingest.binance;
