package dev.tickflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario d: the schema registry stopped for 60 s and started again (same port, same file-backed storage, so the same
 * schema ids) while every service runs. The class has a registry of its own, since it stops it.
 */
class RegistryOutageChaosIT {
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static Path dir;
    private static BrokerAndRegistry infrastructure;

    @BeforeAll
    static void startBrokerAndRegistry() {
        dir = RunDirectory.of(RegistryOutageChaosIT.class);
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
    void registryDownForAMinute() throws Exception {
        ChaosScenario.run(infrastructure, "registry-outage", dir.resolve("registry-outage"), stack -> {
            infrastructure.stopRegistry();
            assertThat(infrastructure.registryAlive()).as("registry stopped").isFalse();
            Thread.sleep(OUTAGE.toMillis());
            infrastructure.startRegistry();
        });
    }
}
