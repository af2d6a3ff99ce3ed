package dev.tickflow.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of the local stack: a {@code tickflow <command>} that {@code tickflow up} runs in a JVM of its own.
 *
 * @param name        the command, also the service's name in messages, its log file and the {@code --port} option
 * @param description what it does, for the start-up progress
 * @param defaultPort its default {@code http.port} (health and metrics; the API serves everything there)
 * @param heapMegabytes its JVM's maximum heap
 * @param settings    configuration keys to values, passed as {@code TICKFLOW_*} environment variables; the local
 *                    stack adds the common ones (brokers, registry, state directory, port)
 */
record LocalService(String name, String description, int defaultPort, int heapMegabytes, Map<String, String> settings) {

    LocalService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        settings = Map.copyOf(settings);
    }

    /** The command line after {@code tickflow}. */
    List<String> arguments() {
        return List.of(name);
    }
}
