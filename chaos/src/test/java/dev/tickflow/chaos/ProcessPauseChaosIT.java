package dev.tickflow.chaos;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario b: a Streams service frozen with SIGSTOP for two minutes (a GC pause, a throttled container, a laptop lid)
 * and continued with SIGCONT while the live feed runs: it finds itself out of its group (the session timed out), its
 * producer fenced, and a backlog of two minutes of input to work through.
 */
class ProcessPauseChaosIT extends ChaosSuite {
    private static final Duration PAUSE = Duration.ofMinutes(2);

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aggregatePausedForTwoMinutes() throws Exception {
        scenario("pause-aggregate", pause(PipelineService.AGGREGATE));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void strategyPausedForTwoMinutes() throws Exception {
        scenario("pause-strategy", pause(PipelineService.STRATEGY));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void executorPausedForTwoMinutes() throws Exception {
        scenario("pause-executor", pause(PipelineService.EXECUTOR));
    }

    private static Fault pause(PipelineService service) {
        return stack -> {
            ServiceJvm jvm = stack.jvm(service);
            jvm.pause();
            Thread.sleep(PAUSE.toMillis());
            jvm.resume();
            jvm.awaitHealthy();
        };
    }
}
