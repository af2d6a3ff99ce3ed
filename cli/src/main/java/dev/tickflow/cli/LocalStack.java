package dev.tickflow.cli;

import dev.tickflow.testkit.ApicurioRegistry;
import dev.tickflow.testkit.KafkaServerProcess;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicProvisioner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The parts of the local stack, started in order with progress on the terminal and stopped in reverse. */
final class LocalStack implements AutoCloseable {
    private static final int KAFKA_HEAP_MB = 512;

    private final Path dataDir;
    private final PrintWriter out;
    private final long startedAt = System.nanoTime();
    private KafkaServerProcess kafka;
    private ApicurioRegistry registry;
    private int topicCount;
    private boolean closed;

    LocalStack(Path dataDir, PrintWriter out) {
        this.dataDir = dataDir;
        this.out = out;
    }

    void startKafka(int port, int controllerPort) {
        kafka = step("Kafka broker (KRaft) on 127.0.0.1:" + port,
                () -> KafkaServerProcess.start(dataDir.resolve("kafka"), port, controllerPort, KAFKA_HEAP_MB));
    }

    void startRegistry(int port) {
        registry = step("Schema registry (Apicurio) on 127.0.0.1:" + port,
                () -> ApicurioRegistry.builder().port(port).dataDirectory(dataDir.resolve("registry")).start());
    }

    void createTopics() {
        List<TopicProvisioner.Outcome> outcomes = step("Topics", () -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
                return new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(TopicCatalog.defaults().all());
            }
        });
        topicCount = outcomes.size();
        long created = outcomes.stream().filter(o -> o.status() == TopicProvisioner.Status.CREATED).count();
        out.printf("      %d topics (%d created, %d already there)%n", topicCount, created, topicCount - created);
        outcomes.stream().filter(o -> o.status() == TopicProvisioner.Status.DIFFERS)
                .forEach(o -> out.printf("      %s differs from the catalog: %s%n", o.spec().name(), String.join("; ", o.differences())));
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String registryUrl() {
        return registry.confluentApiUrl();
    }

    /** A part that died, if any. */
    Optional<String> failure() {
        if (kafka != null && !kafka.isAlive()) {
            return Optional.of("the Kafka broker stopped unexpectedly; see " + dataDir.resolve("kafka").resolve("kafka.log"));
        }
        if (registry != null && !registry.isAlive()) {
            return Optional.of("the schema registry stopped unexpectedly; see " + registry.logFile());
        }
        return Optional.empty();
    }

    String statusLine() {
        Duration up = Duration.ofNanos(System.nanoTime() - startedAt);
        return String.format("kafka: up   registry: up   topics: %d   uptime %d:%02d:%02d ",
                topicCount, up.toHours(), up.toMinutesPart(), up.toSecondsPart());
    }

    private <T> T step(String what, Supplier<T> action) {
        out.printf("  %s ... ", what);
        out.flush();
        long start = System.nanoTime();
        T result = action.get();
        out.printf("ready (%.1f s)%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return result;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (registry != null) {
            registry.close();
            out.println("  schema registry stopped");
        }
        if (kafka != null) {
            kafka.close();
            out.println("  Kafka broker stopped");
        }
        out.flush();
    }
}
