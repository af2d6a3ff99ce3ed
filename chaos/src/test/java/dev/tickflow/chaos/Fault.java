package dev.tickflow.chaos;

/** What a scenario does to the running pipeline, up to and including the end of the disturbance. */
@FunctionalInterface
interface Fault {
    void inject(PipelineStack stack) throws Exception;
}
