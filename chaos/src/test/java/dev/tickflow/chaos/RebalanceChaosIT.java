package dev.tickflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario e: a second instance of a service (same application id, a state directory of its own) joins mid-stream,
 * takes over some tasks (their state restored from the changelogs), works for a minute, and leaves with SIGTERM: two
 * rebalances while the feed runs.
 */
class RebalanceChaosIT extends ChaosSuite {
    private static final Duration TOGETHER = Duration.ofMinutes(1);

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aSecondAggregateJoinsAndLeaves() throws Exception {
        scenario("rebalance-aggregate", joinAndLeave(PipelineService.AGGREGATE));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aSecondExecutorJoinsAndLeaves() throws Exception {
        scenario("rebalance-executor", joinAndLeave(PipelineService.EXECUTOR));
    }

    private static Fault joinAndLeave(PipelineService service) {
        return stack -> {
            ServiceJvm second = stack.startSecondInstance(service);
            Thread.sleep(TOGETHER.toMillis());
            assertThat(second.stop()).as("the second %s leaves cleanly on SIGTERM", service.id()).isEqualTo(143);
        };
    }
}
