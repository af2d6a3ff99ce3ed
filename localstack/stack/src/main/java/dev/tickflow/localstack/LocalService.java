package dev.tickflow.localstack;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of the local stack: a {@code tickflow <command>} that {@code tickflow up} runs in a JVM of its own.
 *
 * @param name        the command, also the service's name in messages, its log file and the {@code --port} option
 * @param description what it does, for the start-up progress
 * @param portKey     the configuration key of its HTTP port, which serves {@code GET /health}: {@code http.port}, or
 *                    the API's own port key
 * @param defaultPort that port's default
 * @param homePath    the page up shows for it: {@code /health}, or {@code /} for a dashboard
 * @param heapMegabytes its JVM's maximum heap
 * @param settings    configuration keys to values, passed as {@code TICKFLOW_*} environment variables; the local
 *                    stack adds the common ones (brokers, registry, state directory, port)
 */
public record LocalService(String name, String description, String portKey, int defaultPort, String homePath, int heapMegabytes,
                           Map<String, String> settings) {
    public static final String HEALTH_PATH = "/health";

    public LocalService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(portKey, "portKey");
        Objects.requireNonNull(homePath, "homePath");
        settings = Map.copyOf(settings);
    }

    /** The command line after {@code tickflow}. */
    public List<String> arguments() {
        return List.of(name);
    }
}
