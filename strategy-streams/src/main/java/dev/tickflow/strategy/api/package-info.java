/** The plug-in interface of strategies: plain Java values and interfaces, no Kafka. */
package dev.tickflow.strategy.api;
