/**
 * What runs a Tickflow service: the {@link dev.tickflow.runtime.StreamsApp} contract each Streams service implements,
 * {@link dev.tickflow.runtime.StreamsService} (topic check, exactly-once, stream-thread failures, clean stop), the
 * {@code GET /health} and {@code GET /metrics} endpoints every service serves, and the mains that run a service
 * without the {@code tickflow} command.
 */
package dev.tickflow.runtime;
