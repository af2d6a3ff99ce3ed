/**
 * The order lifecycle (OMS): {@link dev.tickflow.executor.oms.OrderManager} keeps the open orders and publishes their
 * transitions. No Kafka here.
 */
package dev.tickflow.executor.oms;
