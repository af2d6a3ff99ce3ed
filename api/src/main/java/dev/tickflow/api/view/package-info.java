/**
 * Bounded in-memory views of what the topics hold, filled by the API's consumer and read by its endpoints. Plain
 * classes without Kafka: each is thread-safe (one writer, many readers) and keeps at most a configured number of
 * entries, dropping the oldest first.
 */
package dev.tickflow.api.view;
