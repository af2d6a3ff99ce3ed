package dev.tickflow.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Decides which kind of broker {@link KafkaBroker#start()} gives, and says why. */
final class BrokerChoice {

    private static final Logger log = LoggerFactory.getLogger(BrokerChoice.class);

    record Decision(KafkaBroker.Kind kind, String bootstrapServers, String reason) {
    }

    record DockerStatus(boolean available, String detail) {
    }

    private BrokerChoice() {
    }

    static KafkaBroker start() {
        Decision decision = decide(System.getProperty(KafkaBroker.BOOTSTRAP_PROPERTY),
                System.getenv(KafkaBroker.BOOTSTRAP_ENV), BrokerChoice::dockerStatus);
        log.info("Kafka broker for tests: {} ({})", describe(decision.kind()), decision.reason());
        return switch (decision.kind()) {
            case EXTERNAL -> KafkaBroker.external(decision.bootstrapServers());
            case CONTAINER -> containerOrInProcess(containerImage());
            case IN_PROCESS -> KafkaBroker.inProcess();
        };
    }

    private static KafkaBroker containerOrInProcess(String image) {
        try {
            return KafkaBroker.container(image);
        } catch (RuntimeException e) {
            log.warn("Could not start the Kafka container {} ({}); using an in-process broker instead",
                    image, e.toString());
            return KafkaBroker.inProcess();
        }
    }

    static Decision decide(String bootstrapProperty, String bootstrapEnv, Supplier<DockerStatus> docker) {
        if (bootstrapProperty != null && !bootstrapProperty.isBlank()) {
            return new Decision(KafkaBroker.Kind.EXTERNAL, bootstrapProperty.trim(),
                    "system property " + KafkaBroker.BOOTSTRAP_PROPERTY + "=" + bootstrapProperty.trim());
        }
        if (bootstrapEnv != null && !bootstrapEnv.isBlank()) {
            return new Decision(KafkaBroker.Kind.EXTERNAL, bootstrapEnv.trim(),
                    "environment variable " + KafkaBroker.BOOTSTRAP_ENV + "=" + bootstrapEnv.trim());
        }
        DockerStatus status = docker.get();
        if (status.available()) {
            return new Decision(KafkaBroker.Kind.CONTAINER, null, status.detail());
        }
        return new Decision(KafkaBroker.Kind.IN_PROCESS, null,
                "no " + KafkaBroker.BOOTSTRAP_PROPERTY + " and " + status.detail());
    }

    static String containerImage() {
        return System.getProperty(KafkaBroker.IMAGE_PROPERTY, "apache/kafka:" + AppInfoParser.getVersion());
    }

    /**
     * Asks Testcontainers only when something suggests a Docker engine: without one, Testcontainers logs
     * an ERROR with a long explanation in every test JVM, although it answers in under a second.
     */
    static DockerStatus dockerStatus() {
        List<String> hints = dockerHints();
        if (hints.isEmpty()) {
            return new DockerStatus(false, "no Docker engine: no DOCKER_HOST, no ~/.testcontainers.properties, no Docker socket");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return new DockerStatus(true, "Docker engine available (" + String.join(", ", hints) + ")");
        }
        return new DockerStatus(false, "Docker engine not reachable (" + String.join(", ", hints) + ")");
    }

    private static List<String> dockerHints() {
        List<String> hints = new ArrayList<>();
        if (System.getenv("DOCKER_HOST") != null) {
            hints.add("DOCKER_HOST");
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (Files.exists(home.resolve(".testcontainers.properties"))) {
            hints.add("~/.testcontainers.properties");
        }
        List<Path> sockets = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        sockets.stream().filter(Files::exists).forEach(socket -> hints.add(socket.toString()));
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            hints.add("Windows named pipe");
        }
        return hints;
    }

    private static String describe(KafkaBroker.Kind kind) {
        return switch (kind) {
            case EXTERNAL -> "external broker";
            case CONTAINER -> "Testcontainers Kafka container";
            case IN_PROCESS -> "in-process KRaft broker";
        };
    }
}
