package dev.tickflow.chaos;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A class of chaos scenarios: one broker and one registry for all of its scenarios (started before the first, stopped
 * after the last), each scenario on its own topics and service JVMs, everything kept under {@link RunDirectory}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChaosSuite {
    private Path dir;
    BrokerAndRegistry infrastructure;

    @BeforeAll
    void startBrokerAndRegistry() {
        dir = RunDirectory.of(getClass());
        infrastructure = BrokerAndRegistry.start(dir.resolve("infrastructure"));
    }

    @AfterAll
    void stopBrokerAndRegistry() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    /** Runs the scenario {@code name} with {@code fault} ({@link ChaosScenario}). */
    void scenario(String name, Fault fault) throws Exception {
        ChaosScenario.run(infrastructure, name, dir.resolve(name), fault);
    }
}
