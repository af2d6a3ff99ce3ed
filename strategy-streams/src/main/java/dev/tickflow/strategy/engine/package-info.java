/** The runtime around strategies, without Kafka: configured instances, their stored state envelope, the type registry. */
package dev.tickflow.strategy.engine;
