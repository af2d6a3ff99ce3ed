package dev.tickflow.testkit;

import dev.tickflow.localstack.process.BrokerDefaults;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node KRaft broker (combined broker and controller) in this JVM. */
final class InProcessKafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(InProcessKafkaBroker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);


    private InProcessKafkaBroker() {
    }

    static KafkaBroker start() {
        long started = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
            BrokerDefaults.SINGLE_NODE.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            awaitReady(cluster);
            log.info("In-process Kafka broker ready at {} in {} ms", cluster.bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            KafkaClusterTestKit running = cluster;
            return new RunningKafkaBroker(KafkaBroker.Kind.IN_PROCESS, running.bootstrapServers(), () -> {
                running.close();
                log.info("In-process Kafka broker at {} stopped", running.bootstrapServers());
            });
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(cluster);
            throw new IllegalStateException("Could not start the in-process Kafka broker: " + e, e);
        }
    }

    /**
     * The test kit bootstraps at the newest metadata.version, which may be unstable; a broker that does
     * not enable unstable versions then never becomes ready. Use what {@code kafka-storage format} uses.
     */
    private static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, f -> f.defaultLevel(version)));
        return BootstrapMetadata.fromVersions(version, features, "tickflow-testkit");
    }

    // waitForReadyBrokers() waits forever if the controller hits a fatal fault: watch for one.
    private static void awaitReady(KafkaClusterTestKit cluster) throws Exception {
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (cluster.fatalFaultHandler().firstException() != null) {
                ready.cancel(true);
                throw cluster.fatalFaultHandler().firstException();
            }
            try {
                ready.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    ready.cancel(true);
                    throw new TimeoutException("broker not ready after " + STARTUP_TIMEOUT);
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            log.debug("Ignoring failure while closing a broker that did not start", e);
        }
    }
}
