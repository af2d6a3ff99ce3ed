package dev.tickflow.testkit;

import dev.tickflow.localstack.process.BrokerDefaults;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/** A Testcontainers {@code apache/kafka} container: one KRaft node in combined mode. */
final class ContainerKafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(ContainerKafkaBroker.class);

    private ContainerKafkaBroker() {
    }

    static KafkaBroker start(String image) {
        long started = System.nanoTime();
        @SuppressWarnings("resource") // closed by the returned broker
        KafkaContainer container = new KafkaContainer(image);
        // Testcontainers already sets replication factor 1 for offsets and transactions; set everything
        // the in-process broker sets so both behave the same.
        BrokerDefaults.SINGLE_NODE.forEach((key, value) -> container.withEnv(environmentName(key), value));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
        log.info("Kafka container {} ready at {} in {} ms", image, container.getBootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new RunningKafkaBroker(KafkaBroker.Kind.CONTAINER, container.getBootstrapServers(), container::close);
    }

    /** The apache/kafka image reads {@code KAFKA_FOO_BAR} as {@code foo.bar}. */
    static String environmentName(String brokerConfig) {
        return "KAFKA_" + brokerConfig.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
