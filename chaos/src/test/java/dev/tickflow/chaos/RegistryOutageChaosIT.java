package dev.tickflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario d: the schema registry stopped for 60 s and started again (same port, same file-backed storage, so the same
 * schema ids) while every service runs. The class has a registry of its own, since it stops it.
 */
class RegistryOutageChaosIT extends ChaosSuite {
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void registryDownForAMinute() throws Exception {
        scenario("registry-outage", stack -> {
            infrastructure.stopRegistry();
            assertThat(infrastructure.registryAlive()).as("registry stopped").isFalse();
            Thread.sleep(OUTAGE.toMillis());
            infrastructure.startRegistry();
        });
    }
}
