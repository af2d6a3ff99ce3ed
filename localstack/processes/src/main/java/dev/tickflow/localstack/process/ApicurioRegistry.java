package dev.tickflow.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Confluent-compatible schema registry: Apicurio Registry, run as a child process of this JVM
 * from the distribution zip that {@code ./mvnw -pl localstack/processes generate-resources} fetches.
 *
 * <pre>{@code
 * try (ApicurioRegistry registry = ApicurioRegistry.builder().dataDirectory(dir).start()) {
 *     props.put("schema.registry.url", registry.confluentApiUrl());
 * }
 * }</pre>
 *
 * <p>Without a data directory the registry keeps its schemas in memory; with one, in an H2 database
 * there, so schema ids survive restarts. The global compatibility level is set to BACKWARD unless the
 * builder says otherwise.
 */
public final class ApicurioRegistry implements AutoCloseable {

    public static final String VERSION = ApicurioDistribution.VERSION;
    /** System property naming the distribution zip; surefire and failsafe set it for every module. */
    public static final String ZIP_PROPERTY = ApicurioDistribution.ZIP_PROPERTY;

    /** Confluent's compatibility levels, which Apicurio's Confluent API accepts. */
    public enum Compatibility {
        NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE
    }

    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistry.class);
    private static final String CONFLUENT_CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path dataDirectory;
    private final Path scratchDirectory;
    private final Thread shutdownHook;
    private boolean closed;

    private ApicurioRegistry(Process process, int port, Path logFile, Path dataDirectory, Path scratchDirectory) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.dataDirectory = dataDirectory;
        this.scratchDirectory = scratchDirectory;
        this.shutdownHook = new Thread(() -> ProcessLogs.stop(process, Duration.ofSeconds(20)), "apicurio-registry-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** An in-memory registry on a free port with BACKWARD compatibility. */
    public static ApicurioRegistry start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}; health at {@code /health/ready}, Apicurio's own API at {@code /apis/registry/v3}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where Confluent clients go: the value for {@code schema.registry.url}. */
    public String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** The registry's own output. */
    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** Stops the registry process (and anything it started) and waits until it has exited. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook stops the process
        }
        ProcessLogs.stop(process, Duration.ofSeconds(20));
        if (scratchDirectory != null) {
            try {
                ApicurioDistribution.deleteRecursively(scratchDirectory);
            } catch (IOException e) {
                log.debug("Could not delete {}", scratchDirectory, e);
            }
        }
        log.info("{} stopped", this);
    }

    @Override
    public String toString() {
        return "Apicurio Registry " + VERSION + " at " + baseUrl();
    }

    public static final class Builder {

        private int port;
        private Path dataDirectory;
        private Compatibility compatibility = Compatibility.BACKWARD;
        private Path zip;
        private Path cacheDirectory;
        private Path logFile;
        private String maxHeap = "128m";
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Consumer<String> progress = log::info;
        private Path pidFile;

        private Builder() {
        }

        /** The HTTP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Keep schemas in an H2 database in this directory, so ids survive restarts. Default: in memory. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** The global compatibility level to set at start; null leaves the registry's own (NONE when new). */
        public Builder compatibility(Compatibility compatibility) {
            this.compatibility = compatibility;
            return this;
        }

        /** The distribution zip. Default: system property {@value ApicurioRegistry#ZIP_PROPERTY}, else the local Maven repository. */
        public Builder zip(Path zip) {
            this.zip = zip;
            return this;
        }

        /** Where the zip is unpacked once. Default: system property {@code tickflow.cache.dir}, else {@code ~/.cache/tickflow}. */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = cacheDirectory;
            return this;
        }

        /** Where the registry's output goes. Default: {@code registry.log} in the data directory, else in a temporary directory deleted on close. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** The registry JVM's {@code -Xmx}, default {@code 128m} (about 250 MB resident in all). */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** Where the registry JVM records itself (a {@link PidFile}). Default: nowhere. */
        public Builder pidFile(Path pidFile) {
            this.pidFile = pidFile;
            return this;
        }

        /** Receives progress messages while the registry starts. Default: logged at INFO. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** Starts the registry and returns once it is ready; throws with the end of its log if it is not. */
        public ApicurioRegistry start() {
            try {
                return startProcess();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start Apicurio Registry: " + e.getMessage(), e);
            }
        }

        private ApicurioRegistry startProcess() throws IOException {
            Path runnerJar = ApicurioDistribution.install(
                    zip != null ? zip : ApicurioDistribution.defaultZip(),
                    cacheDirectory != null ? cacheDirectory : ApicurioDistribution.defaultCacheDirectory(),
                    progress);
            Path scratch = null;
            Path output = logFile;
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
            }
            if (output == null && dataDirectory != null) {
                output = dataDirectory.resolve("registry.log");
            } else if (output == null) {
                scratch = Files.createTempDirectory("tickflow-apicurio-");
                output = scratch.resolve("registry.log");
            }
            Files.createDirectories(output.toAbsolutePath().getParent());
            // A free port can be taken by someone else before the registry binds it: then try another.
            int attempts = port == 0 ? 3 : 1;
            for (int attempt = 1; ; attempt++) {
                int chosenPort = port == 0 ? freePort() : port;
                long started = System.nanoTime();
                progress.accept("Starting Apicurio Registry " + VERSION + " on 127.0.0.1:" + chosenPort
                        + (dataDirectory != null ? " with data in " + dataDirectory : " (in memory)") + ", log: " + output);
                Process process = launch(runnerJar, chosenPort, output);
                try {
                    awaitReady(process, chosenPort, output, started);
                    if (compatibility != null) {
                        setCompatibility(chosenPort, compatibility);
                    }
                    progress.accept("Apicurio Registry ready at http://127.0.0.1:" + chosenPort + " in "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
                    return new ApicurioRegistry(process, chosenPort, output, dataDirectory, scratch);
                } catch (RuntimeException | IOException e) {
                    boolean exitedByItself = !process.isAlive();
                    ProcessLogs.stop(process, Duration.ofSeconds(20));
                    boolean portTaken = exitedByItself && ProcessLogs.tail(output, 20).contains("seems to be in use");
                    if (!(portTaken && attempt < attempts)) {
                        throw e;
                    }
                }
            }
        }

        private Process launch(Path runnerJar, int port, Path output) throws IOException {
            List<String> options = new ArrayList<>(List.of(
                    "-Xmx" + maxHeap,
                    "-XX:+UseSerialGC",
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.access-log.enabled=false",
                    "-Dapicurio.datasource.jdbc.initial-size=2",
                    "-Dapicurio.datasource.jdbc.min-size=2"));
            if (dataDirectory != null) {
                options.addAll(List.of(
                        "-Dapicurio.storage.kind=sql",
                        "-Dapicurio.storage.sql.kind=h2",
                        "-Dapicurio.datasource.url=jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("registry"),
                        "-Dapicurio.datasource.username=sa",
                        "-Dapicurio.datasource.password=sa"));
            }
            List<String> command = WatchedJvm.command(options, runnerJar.toString(), ApicurioDistribution.mainClass(runnerJar), List.of(),
                    Optional.ofNullable(pidFile));
            Process process = new ProcessBuilder(command)
                    .directory(output.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()))
                    .start();
            process.getOutputStream().close();
            return process;
        }

        private void awaitReady(Process process, int port, Path output, long started) throws IOException {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            long deadline = started + startupTimeout.toNanos();
            long nextReport = started + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Apicurio Registry exited with code " + process.exitValue()
                            + " before it was ready. End of " + output + ":\n" + ProcessLogs.tail(output, 40));
                }
                try {
                    if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // keep waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IllegalStateException("Apicurio Registry was not ready within " + startupTimeout.toSeconds()
                            + " s. End of " + output + ":\n" + ProcessLogs.tail(output, 40));
                }
                if (now > nextReport) {
                    progress.accept("Still waiting for Apicurio Registry on port " + port + " ("
                            + TimeUnit.NANOSECONDS.toSeconds(now - started) + " s)");
                    nextReport = now + TimeUnit.SECONDS.toNanos(5);
                }
                sleep(200);
            }
        }

        private static void setCompatibility(int port, Compatibility compatibility) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/apis/ccompat/v7/config"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", CONFLUENT_CONTENT_TYPE)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + compatibility + "\"}"))
                    .build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("Setting compatibility " + compatibility + " failed: HTTP "
                            + response.statusCode() + " " + response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while configuring Apicurio Registry", e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
            }
        }
    }
}
