package dev.tickflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario c: the Kafka broker stopped for 60 s and started again on the same data directory and port while ingest,
 * aggregate, strategy and executor all run; none of them is touched. The class has a broker of its own, since it stops it.
 */
class BrokerOutageChaosIT extends ChaosSuite {
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void brokerDownForAMinute() throws Exception {
        scenario("broker-outage", stack -> {
            infrastructure.stopBroker();
            assertThat(infrastructure.brokerAlive()).as("broker stopped").isFalse();
            Thread.sleep(OUTAGE.toMillis());
            infrastructure.startBroker();
        });
    }
}
