/**
 * The soak monitor ({@code tickflow bench soak}): attaches to a running {@code tickflow up} and samples, for as long as
 * asked, each service's heap and resident memory, each Streams application's consumer lag and the close-to-order
 * latency of the orders it sees, so that a long run shows whether anything grows.
 */
package dev.tickflow.bench.soak;
