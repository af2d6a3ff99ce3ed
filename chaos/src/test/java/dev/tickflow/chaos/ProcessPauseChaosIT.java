package dev.tickflow.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario b: a Streams service frozen with SIGSTOP for two minutes (a GC pause, a throttled container, a laptop lid)
 * and continued with SIGCONT while the live feed runs: it finds itself out of its group (the session timed out), its
 * producer fenced, and a backlog of two minutes of input to work through.
 */
class ProcessPauseChaosIT {
    private static final Duration PAUSE = Duration.ofMinutes(2);
    private static Path dir;
    private static BrokerAndRegistry infrastructure;

    @BeforeAll
    static void startBrokerAndRegistry() {
        dir = RunDirectory.of(ProcessPauseChaosIT.class);
        infrastructure = BrokerAndRegistry.start(dir.resolve("infrastructure"));
    }

    @AfterAll
    static void stopBrokerAndRegistry() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aggregatePausedForTwoMinutes() throws Exception {
        ChaosScenario.run(infrastructure, "pause-aggregate", dir.resolve("pause-aggregate"), pause(PipelineService.AGGREGATE));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void strategyPausedForTwoMinutes() throws Exception {
        ChaosScenario.run(infrastructure, "pause-strategy", dir.resolve("pause-strategy"), pause(PipelineService.STRATEGY));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void executorPausedForTwoMinutes() throws Exception {
        ChaosScenario.run(infrastructure, "pause-executor", dir.resolve("pause-executor"), pause(PipelineService.EXECUTOR));
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
