package dev.tickflow.testkit;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * A running Kafka broker to test against.
 *
 * <p>{@link #start()} picks one of three kinds, in this order:
 * <ol>
 *   <li>an external broker, when the system property {@value #BOOTSTRAP_PROPERTY} or the environment
 *       variable {@value #BOOTSTRAP_ENV} names its bootstrap servers;</li>
 *   <li>a Testcontainers {@code apache/kafka} container, when a Docker engine is available;</li>
 *   <li>otherwise an in-process KRaft broker (broker and controller in one node).</li>
 * </ol>
 * Every kind is configured for a single node: internal topics with replication factor 1 and min ISR 1,
 * so transactions and exactly_once_v2 Kafka Streams applications work.
 */
public interface KafkaBroker extends AutoCloseable {

    String BOOTSTRAP_PROPERTY = "tickflow.test.kafka.bootstrap";
    String BOOTSTRAP_ENV = "TICKFLOW_TEST_KAFKA_BOOTSTRAP";
    /** Overrides the container image, by default {@code apache/kafka:<kafka-clients version>}. */
    String IMAGE_PROPERTY = "tickflow.test.kafka.image";

    enum Kind { EXTERNAL, CONTAINER, IN_PROCESS }

    /** Connects to or starts a broker, chosen as described on this interface, and logs the choice. */
    static KafkaBroker start() {
        return BrokerChoice.start();
    }

    /** A broker that is already running; {@link #close()} leaves it running. */
    static KafkaBroker external(String bootstrapServers) {
        return new RunningKafkaBroker(Kind.EXTERNAL, bootstrapServers, () -> { });
    }

    /** A Testcontainers container from the given image; needs a Docker engine. */
    static KafkaBroker container(String image) {
        return ContainerKafkaBroker.start(image);
    }

    /** A KRaft broker in this JVM, with its data in a temporary directory deleted on close. */
    static KafkaBroker inProcess() {
        return InProcessKafkaBroker.start();
    }

    Kind kind();

    String bootstrapServers();

    /** An admin client shared by everyone using this broker; closed with the broker, not by callers. */
    Admin admin();

    /**
     * Creates a topic with the broker's default replication factor and waits until every partition
     * has a leader.
     */
    void createTopic(String name, int partitions, Map<String, String> configs);

    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** Stops the broker if this object started it. */
    @Override
    void close();
}
