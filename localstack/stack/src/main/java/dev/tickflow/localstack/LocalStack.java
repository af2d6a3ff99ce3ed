package dev.tickflow.localstack;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.localstack.process.KafkaServerProcess;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicProvisioner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The parts of the local stack, started in order with progress on the terminal and stopped in reverse: the services
 * first (all asked at once, then awaited), then the schema registry, then the broker.
 */
public final class LocalStack implements AutoCloseable {
    static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(90);
    private static final int KAFKA_HEAP_MB = 512;

    private final Path dataDir;
    private final RunDirectory run;
    private final String mainClass;
    private final PrintWriter out;
    private final TopicCatalog topics = TopicCatalog.defaults();
    private final long startedAt = System.nanoTime();
    private final List<ServiceJvm> services = new ArrayList<>();
    private KafkaServerProcess kafka;
    private ApicurioRegistry registry;
    private Admin admin;
    private StackStatus status;
    private volatile boolean closed;

    /**
     * @param mainClass the main class that runs a service given its name as the first argument (the tickflow command)
     */
    public LocalStack(Path dataDir, String mainClass, PrintWriter out) {
        this.dataDir = dataDir;
        this.run = new RunDirectory(dataDir);
        this.mainClass = mainClass;
        this.out = out;
    }

    /** Starts the broker and the registry side by side (the registry does not need the broker), printing each when ready. */
    public void startKafkaAndRegistry(int kafkaPort, int controllerPort, int registryPort) {
        out.printf("  Kafka broker (KRaft) on 127.0.0.1:%d and schema registry (Apicurio) on 127.0.0.1:%d ...%n", kafkaPort, registryPort);
        out.flush();
        long start = System.nanoTime();
        CompletableFuture<ApicurioRegistry> startingRegistry = CompletableFuture.supplyAsync(() -> {
            ApicurioRegistry started = ApicurioRegistry.builder().port(registryPort).dataDirectory(dataDir.resolve("registry"))
                    .pidFile(run.pidFile(RunDirectory.REGISTRY)).start();
            ready("schema registry", start);
            return started;
        });
        try {
            kafka = KafkaServerProcess.start(dataDir.resolve("kafka"), kafkaPort, controllerPort, KAFKA_HEAP_MB,
                    Optional.of(run.pidFile(RunDirectory.KAFKA)));
            ready("Kafka broker", start);
        } finally {
            try {
                registry = startingRegistry.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "tickflow-up"));
        status = new StackStatus(admin, topics);
    }

    private synchronized void ready(String part, long start) {
        out.printf("    %-16s ready (%.1f s)%n", part, (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    public void createTopics() {
        List<TopicProvisioner.Outcome> outcomes = step("Topics",
                () -> new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.all()));
        long created = outcomes.stream().filter(o -> o.status() == TopicProvisioner.Status.CREATED).count();
        out.printf("      %d topics (%d created, %d already there)%n", outcomes.size(), created, outcomes.size() - created);
        outcomes.stream().filter(o -> o.status() == TopicProvisioner.Status.DIFFERS)
                .forEach(o -> out.printf("      %s differs from the catalog: %s%n", o.spec().name(), String.join("; ", o.differences())));
    }

    /** Where the simulator continues the trades already in md.trades, if any. */
    public Optional<MarketResume> marketResume() {
        return MarketResume.read(admin, bootstrapServers(), registryUrl(), topics.trades().name());
    }

    /**
     * Starts every service at once, then waits until each answers its health check, printing each as it gets ready.
     *
     * @param ports the {@code http.port} of each service, by name
     */
    public void startServices(List<LocalService> definitions, Map<String, Integer> ports) {
        out.printf("  Services: %s ...%n", String.join(", ", definitions.stream().map(LocalService::name).toList()));
        out.flush();
        long start = System.nanoTime();
        for (LocalService service : definitions) {
            int port = ports.get(service.name());
            services.add(ServiceJvm.start(mainClass, service, port, environment(service, port), dataDir.resolve("logs"),
                    run.pidFile(service.name())));
        }
        for (ServiceJvm service : services) {
            service.awaitHealthy(SERVICE_START_TIMEOUT);
            out.printf("    %-10s ready (%.1f s)  %s%n", service.service().name(), (System.nanoTime() - start) / 1e9, service.service().description());
            out.flush();
        }
    }

    /** The configuration of a service as {@code TICKFLOW_*} variables: where the stack is, then its own settings. */
    private Map<String, String> environment(LocalService service, int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ConfigKeys.BOOTSTRAP_SERVERS, bootstrapServers());
        settings.put(ConfigKeys.SCHEMA_REGISTRY_URL, registryUrl());
        settings.put(ConfigKeys.STATE_DIR, dataDir.resolve("state").toAbsolutePath().toString());
        settings.put(service.portKey(), Integer.toString(port));
        settings.putAll(service.settings());
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((key, value) -> environment.put(TickflowConfig.environmentVariable(key), value));
        return environment;
    }

    public List<ServiceJvm> services() {
        return List.copyOf(services);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.confluentApiUrl();
    }

    /** A part that died, if any. */
    public Optional<String> failure() {
        if (closed) {
            return Optional.empty();
        }
        if (kafka != null && !kafka.isAlive()) {
            return Optional.of("the Kafka broker stopped unexpectedly; see " + dataDir.resolve("kafka").resolve("kafka.log"));
        }
        if (registry != null && !registry.isAlive()) {
            return Optional.of("the schema registry stopped unexpectedly; see " + registry.logFile());
        }
        for (ServiceJvm service : services) {
            if (!service.isAlive()) {
                return Optional.of(service.service().name() + " stopped unexpectedly (exit code " + service.exitValue() + "); see " + service.log());
            }
        }
        return Optional.empty();
    }

    public String statusLine() {
        return status.line(Duration.ofNanos(System.nanoTime() - startedAt));
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
        services.forEach(ServiceJvm::requestStop);
        for (ServiceJvm service : services) {
            int exitCode = service.awaitStop();
            out.printf("  %s stopped (exit code %d)%n", service.service().name(), exitCode);
            out.flush();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
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
