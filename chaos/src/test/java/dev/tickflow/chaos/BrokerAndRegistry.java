package dev.tickflow.chaos;

import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.localstack.process.KafkaServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The infrastructure of a chaos test class: a real Kafka broker (KRaft, its own JVM) and a real Apicurio registry
 * process, both with their data on disk and on fixed ports, so that either can be stopped and started again as the
 * same server (same data directory, same address) while the services keep their configuration.
 */
final class BrokerAndRegistry implements AutoCloseable {
    private static final int BROKER_HEAP_MB = 512;

    private final Path dir;
    private final int brokerPort;
    private final int controllerPort;
    private final int registryPort;
    private KafkaServerProcess broker;
    private ApicurioRegistry registry;

    private BrokerAndRegistry(Path dir) {
        this.dir = dir;
        this.brokerPort = freePort();
        this.controllerPort = freePort();
        this.registryPort = freePort();
    }

    /** Starts both under {@code dir} (broker/ and registry/). */
    static BrokerAndRegistry start(Path dir) {
        BrokerAndRegistry infrastructure = new BrokerAndRegistry(dir);
        try {
            infrastructure.startBroker();
            infrastructure.startRegistry();
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";
    }

    void startBroker() {
        broker = KafkaServerProcess.start(dir.resolve("broker"), brokerPort, controllerPort, BROKER_HEAP_MB);
    }

    /** SIGTERM to the broker, waiting for its exit (a clean shutdown, as an operator restarts a broker). */
    void stopBroker() {
        broker.close();
    }

    void startRegistry() {
        try {
            Path registryDir = Files.createDirectories(dir.resolve("registry"));
            registry = ApicurioRegistry.builder().dataDirectory(registryDir).port(registryPort).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stopRegistry() {
        registry.close();
    }

    boolean brokerAlive() {
        return broker != null && broker.isAlive();
    }

    boolean registryAlive() {
        return registry != null && registry.isAlive();
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
