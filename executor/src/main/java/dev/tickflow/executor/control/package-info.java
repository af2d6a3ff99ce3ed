/**
 * Operator controls: the commands of control.operator as the engine sees them, and the operational events it writes
 * to ops.events. No Kafka here.
 */
package dev.tickflow.executor.control;
