package dev.tickflow.executor.control;

/** Where operational events go: ops.events in the service; a backtest has none and drops them. */
public interface OpsOutput {

    default void operational(OpsEvent event) {
    }
}
