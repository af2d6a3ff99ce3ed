package dev.tickflow.chaos;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One scenario's pipeline: its own topics (every catalog topic, renamed with the scenario's prefix), and ingest
 * (simulator), aggregate, strategy and executor as separate JVMs, each with its default configuration apart from
 * the addresses, the ports, the topic names, its application id and state directory, and (strategy) the instances
 * file, (ingest) the simulated symbols and seed.
 */
final class PipelineStack implements AutoCloseable {
    /** Simulated at speed 1 (the default): trade times follow the wall clock, as a live exchange's do. */
    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    static final long SEED = 17;
    /**
     * Small periods so that the crossovers come every few minutes of 1m candles: B (EMA(1) is the close) crosses on
     * nearly every turn of the price, A a little less often.
     */
    static final String INSTANCES = """
            strategy.instances=A,B
            strategy.A.type=sma-ema-crossover
            strategy.A.symbols=*
            strategy.A.sma=3
            strategy.A.ema=2
            strategy.B.type=sma-ema-crossover
            strategy.B.symbols=*
            strategy.B.sma=2
            strategy.B.ema=1
            """;

    private final BrokerAndRegistry infrastructure;
    private final String prefix;
    private final Path dir;
    private final Map<PipelineService, Path> configFiles = new EnumMap<>(PipelineService.class);
    private final Map<PipelineService, ServiceJvm> running = new EnumMap<>(PipelineService.class);
    private final List<ServiceJvm> everyJvm = new ArrayList<>();
    private final TopicCatalog topics;
    private int extraInstances;

    private PipelineStack(BrokerAndRegistry infrastructure, String scenario, Path dir) throws IOException {
        this.infrastructure = infrastructure;
        this.prefix = "chaos-" + scenario + "-";
        this.dir = Files.createDirectories(dir);
        Path instances = dir.resolve("instances.properties");
        Files.writeString(instances, INSTANCES);
        for (PipelineService service : PipelineService.values()) {
            Map<String, String> settings = common();
            settings.put("application.id", prefix + service.id());
            settings.put("state.dir", dir.resolve("state-" + service.id()).toString());
            switch (service) {
                case INGEST -> {
                    settings.put("ingest.source", "simulate");
                    settings.put("ingest.symbols", String.join(",", SYMBOLS));
                    settings.put("ingest.simulator.seed", Long.toString(SEED));
                }
                case STRATEGY -> settings.put("strategy.instances.file", instances.toString());
                default -> {
                }
            }
            configFiles.put(service, write(settings, dir.resolve(service.id() + ".properties")));
        }
        this.topics = TopicCatalog.from(config(PipelineService.AGGREGATE));
    }

    /** Creates the scenario's topics on the broker; nothing runs yet. */
    static PipelineStack create(BrokerAndRegistry infrastructure, String scenario, Path dir) throws Exception {
        PipelineStack stack = new PipelineStack(infrastructure, scenario, dir);
        stack.createTopics();
        return stack;
    }

    /** The configuration a service reads (its file, no environment). */
    TickflowConfig config(PipelineService service) {
        return TickflowConfig.load(Optional.of(configFiles.get(service)), Map.of(), service.definition());
    }

    TopicCatalog topics() {
        return topics;
    }

    BrokerAndRegistry infrastructure() {
        return infrastructure;
    }

    /** Starts aggregate, strategy and executor, waits for them to be healthy, then starts the feed (ingest). */
    void startAll() throws Exception {
        for (PipelineService service : List.of(PipelineService.AGGREGATE, PipelineService.STRATEGY, PipelineService.EXECUTOR)) {
            launch(service);
        }
        for (PipelineService service : List.of(PipelineService.AGGREGATE, PipelineService.STRATEGY, PipelineService.EXECUTOR)) {
            running.get(service).awaitHealthy();
        }
        launch(PipelineService.INGEST).awaitHealthy();
    }

    ServiceJvm jvm(PipelineService service) {
        return running.get(service);
    }

    /** Starts the service again on the same configuration file (same application id, same state directory). */
    ServiceJvm restart(PipelineService service) throws Exception {
        ServiceJvm jvm = launch(service);
        jvm.awaitHealthy();
        return jvm;
    }

    /** A second instance of the service in the same group (same application id), with a state directory of its own. */
    ServiceJvm startSecondInstance(PipelineService service) throws Exception {
        extraInstances++;
        Map<String, String> settings = new LinkedHashMap<>();
        config(service).originals().forEach((key, value) -> settings.put(key, String.valueOf(value)));
        settings.put("state.dir", dir.resolve("state-" + service.id() + "-extra-" + extraInstances).toString());
        Path file = write(settings, dir.resolve(service.id() + "-extra-" + extraInstances + ".properties"));
        ServiceJvm jvm = ServiceJvm.start(service.id() + " (instance " + (extraInstances + 1) + ")",
                dir.resolve("logs").resolve(service.id() + "-extra-" + extraInstances + ".log"), service.mainClass(), service.arguments(file));
        everyJvm.add(jvm);
        jvm.awaitHealthy();
        return jvm;
    }

    /** The health endpoint of every running service; each must answer UP. */
    Map<PipelineService, URI> healthEndpoints() throws Exception {
        Map<PipelineService, URI> endpoints = new EnumMap<>(PipelineService.class);
        for (Map.Entry<PipelineService, ServiceJvm> entry : running.entrySet()) {
            endpoints.put(entry.getKey(), entry.getValue().healthUri());
        }
        return endpoints;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        for (ServiceJvm jvm : everyJvm) {
            jvm.close();
        }
    }

    private ServiceJvm launch(PipelineService service) throws IOException {
        ServiceJvm jvm = ServiceJvm.start(service.id(), dir.resolve("logs").resolve(service.id() + ".log"), service.mainClass(),
                service.arguments(configFiles.get(service)));
        everyJvm.add(jvm);
        running.put(service, jvm);
        return jvm;
    }

    private Map<String, String> common() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", infrastructure.bootstrapServers());
        settings.put("schema.registry.url", infrastructure.registryUrl());
        settings.put("http.port", "0");
        for (TopicSpec spec : TopicCatalog.defaults().all()) {
            settings.put("topic." + spec.id() + ".name", prefix + spec.id());
        }
        return settings;
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()))) {
            List<NewTopic> created = topics.all().stream()
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()))
                    .toList();
            admin.createTopics(created).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static Path write(Map<String, String> settings, Path file) {
        try (Writer writer = Files.newBufferedWriter(file)) {
            Properties properties = new Properties();
            properties.putAll(settings);
            properties.store(writer, "a chaos scenario's service");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
