package dev.tickflow.chaos;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario a: a Streams service killed with SIGKILL mid-stream (open transactions left open, no shutdown hook) and
 * started again at once on the same configuration and state directory, while the live feed runs. The broker and the
 * registry are shared by the three scenarios; each has its own topics.
 */
class ProcessKillChaosIT extends ChaosSuite {
    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aggregateKilledMidStream() throws Exception {
        scenario("kill-aggregate", killAndRestart(PipelineService.AGGREGATE));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void strategyKilledMidStream() throws Exception {
        scenario("kill-strategy", killAndRestart(PipelineService.STRATEGY));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void executorKilledMidStream() throws Exception {
        scenario("kill-executor", killAndRestart(PipelineService.EXECUTOR));
    }

    private static Fault killAndRestart(PipelineService service) {
        return stack -> {
            stack.jvm(service).kill();
            stack.restart(service);
        };
    }
}
