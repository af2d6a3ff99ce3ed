package dev.tickflow.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in its own JVM, on 127.0.0.1, with its
 * data in a directory that survives restarts: the local stack's broker.
 */
public final class KafkaServerProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOG_CONFIG = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{ISO8601} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.server" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaServerProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Formats {@code dataDir} on first use, starts the broker and waits until it answers. The broker JVM stops by itself
     * when this JVM is gone (see {@link WatchedMain}).
     *
     * @param heapMegabytes maximum heap of the broker JVM
     */
    public static KafkaServerProcess start(Path dataDir, int port, int controllerPort, int heapMegabytes) {
        return start(dataDir, port, controllerPort, heapMegabytes, Optional.empty());
    }

    /** As {@link #start(Path, int, int, int)}, the broker JVM recording itself in {@code pidFile} (a {@link PidFile}). */
    public static KafkaServerProcess start(Path dataDir, int port, int controllerPort, int heapMegabytes, Optional<Path> pidFile) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            writeConfig(config, dataDir.resolve("logs"), port, controllerPort);
            Path logFile = dataDir.resolve("kafka.log");
            Files.writeString(dataDir.resolve("logback.xml"), LOG_CONFIG);
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                format(config, logFile);
            }
            Process process = java(config, heapMegabytes, pidFile, "kafka.Kafka", config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaServerProcess server = new KafkaServerProcess(process, port, logFile);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (!acceptsConnections() && System.nanoTime() < deadline) {
            requireAlive();
            sleep(100);
        }
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                requireAlive();
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        close();
        throw new IllegalStateException("Kafka did not become ready within " + READY_TIMEOUT.toSeconds() + " s. " + "End of " + logFile + ":\n" + ProcessLogs.tail(logFile, 30));
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited with code " + process.exitValue() + " while starting. End of "
                    + logFile + ":\n" + ProcessLogs.tail(logFile, 30));
        }
    }

    @Override
    public void close() {
        ProcessLogs.stop(process, Duration.ofSeconds(30));
    }

    private static void format(Path config, Path logFile) throws IOException {
        Process format = java(config, 256, Optional.empty(), "kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka's storage failed. " + "End of " + logFile + ":\n" + ProcessLogs.tail(logFile, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka's storage", e);
        }
    }

    private static ProcessBuilder java(Path config, int heapMegabytes, Optional<Path> pidFile, String mainClass, String... arguments) {
        List<String> options = List.of("-Xmx" + heapMegabytes + "m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + config.resolveSibling("logback.xml"));
        return new ProcessBuilder(WatchedJvm.command(options, System.getProperty("java.class.path"), mainClass, List.of(arguments), pidFile))
                .redirectErrorStream(true);
    }

    private static void writeConfig(Path file, Path logDir, int port, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDir.toAbsolutePath().toString());
        properties.put("auto.create.topics.enable", "false");
        // The simulator's accelerated clock writes trade times (and so candle and changelog timestamps) ahead of the wall clock.
        properties.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        properties.putAll(BrokerDefaults.SINGLE_NODE);
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by Tickflow's local stack on every start");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
