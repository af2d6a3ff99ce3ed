package dev.tickflow.executor.control;

/** Where operational events go: ops.events in the service. */
@FunctionalInterface
public interface OpsOutput {

    void operational(OpsEvent event);
}
