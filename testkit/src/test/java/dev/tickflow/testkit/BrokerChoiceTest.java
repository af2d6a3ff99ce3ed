package dev.tickflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.localstack.process.BrokerDefaults;
import dev.tickflow.testkit.BrokerChoice.Decision;
import dev.tickflow.testkit.BrokerChoice.DockerStatus;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

    private static final Supplier<DockerStatus> DOCKER = () -> new DockerStatus(true, "Docker engine available");
    private static final Supplier<DockerStatus> NO_DOCKER = () -> new DockerStatus(false, "no Docker engine");
    private static final Supplier<DockerStatus> MUST_NOT_ASK = () -> {
        throw new AssertionError("Docker must not be probed when an external broker is configured");
    };

    @Test
    void systemPropertyWinsOverEnvironmentAndDocker() {
        Decision decision = BrokerChoice.decide(" kafka-a:9092 ", "kafka-b:9092", MUST_NOT_ASK);

        assertThat(decision.kind()).isEqualTo(KafkaBroker.Kind.EXTERNAL);
        assertThat(decision.bootstrapServers()).isEqualTo("kafka-a:9092");
        assertThat(decision.reason()).contains(KafkaBroker.BOOTSTRAP_PROPERTY);
    }

    @Test
    void environmentVariableIsUsedWithoutSystemProperty() {
        Decision decision = BrokerChoice.decide(null, "kafka-b:9092", MUST_NOT_ASK);

        assertThat(decision.kind()).isEqualTo(KafkaBroker.Kind.EXTERNAL);
        assertThat(decision.bootstrapServers()).isEqualTo("kafka-b:9092");
        assertThat(decision.reason()).contains(KafkaBroker.BOOTSTRAP_ENV);
    }

    @Test
    void containerWhenDockerIsAvailable() {
        Decision decision = BrokerChoice.decide("", " ", DOCKER);

        assertThat(decision.kind()).isEqualTo(KafkaBroker.Kind.CONTAINER);
        assertThat(decision.reason()).contains("Docker engine available");
    }

    @Test
    void inProcessOtherwise() {
        Decision decision = BrokerChoice.decide(null, null, NO_DOCKER);

        assertThat(decision.kind()).isEqualTo(KafkaBroker.Kind.IN_PROCESS);
        assertThat(decision.reason()).contains("no Docker engine");
    }

    @Test
    void containerImageFollowsTheKafkaClientsVersion() {
        assertThat(BrokerChoice.containerImage()).startsWith("apache/kafka:4.");
    }

    @Test
    void dockerCheckAnswersQuicklyHere() {
        long started = System.nanoTime();
        DockerStatus status = BrokerChoice.dockerStatus();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(status.detail()).isNotBlank();
        assertThat(millis).as("Docker check took %d ms", millis).isLessThan(10_000);
    }

    @Test
    void containerGetsTheSingleNodeSettingsThroughTheImagesEnvironmentConvention() {
        assertThat(ContainerKafkaBroker.environmentName("transaction.state.log.min.isr"))
                .isEqualTo("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR");
        assertThat(BrokerDefaults.SINGLE_NODE)
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("unstable.api.versions.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }
}
