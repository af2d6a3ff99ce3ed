/** The contract between the executor and the places orders go: the paper broker and Binance. No Kafka here. */
package dev.tickflow.executor.venue;
