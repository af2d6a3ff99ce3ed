package dev.tickflow.localstack;

import dev.tickflow.localstack.process.ProcessLogs;
import dev.tickflow.localstack.process.WatchedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LocalService} running: {@code tickflow <command>} in a JVM of its own (the same Java and class path as
 * {@code tickflow up}, in a process group of its own), its output in {@code <logs>/<name>.log}. It runs through
 * {@link WatchedJvm}: it records itself in its pid file and stops itself cleanly if up disappears without stopping it.
 */
public final class ServiceJvm {
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalService service;
    private final Process process;
    private final Path log;
    private final URI base;

    private ServiceJvm(LocalService service, Process process, Path log, URI base) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts the service's JVM and returns at once.
     *
     * @param mainClass   the {@code tickflow} command's main class, which runs {@link LocalService#arguments()}
     * @param environment the {@code TICKFLOW_*} variables of its configuration, on top of up's own environment
     * @param pidFile     where the service JVM records itself (a {@link dev.tickflow.localstack.process.PidFile})
     */
    public static ServiceJvm start(String mainClass, LocalService service, int port, Map<String, String> environment, Path logDirectory,
                                   Path pidFile) {
        Path log = logDirectory.resolve(service.name() + ".log");
        List<String> command = WatchedJvm.command(jvmOptions(service), System.getProperty("java.class.path"), mainClass, service.arguments(),
                Optional.of(pidFile));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(log, System.lineSeparator() + "=== tickflow up starts " + service.name() + " ===" + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            process.getOutputStream().close();
            return new ServiceJvm(service, process, log, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.name() + ": " + e.getMessage(), e);
        }
    }

    /** The service's heap, the serial collector, and C1 only unless it is one of {@link LocalServices#FULL_JIT}. */
    static List<String> jvmOptions(LocalService service) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + service.heapMegabytes() + "m", "-Xss512k", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-D" + TickflowHome.PROPERTY + "=" + TickflowHome.directory()));
        if (!LocalServices.FULL_JIT.contains(service.name())) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        return options;
    }

    public LocalService service() {
        return service;
    }

    /** The page to show for it: its health, or the dashboard. */
    public URI home() {
        return base.resolve(service.homePath());
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Waits until {@code GET /health} answers 200. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = base.resolve(LocalService.HEALTH_PATH);
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
                        + " while starting. End of " + log + ":\n" + ProcessLogs.tail(log, 25));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service.name(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.name() + " was not healthy within " + timeout.toSeconds() + " s (" + health
                        + "). End of " + log + ":\n" + ProcessLogs.tail(log, 25));
            }
            sleep(250);
        }
    }

    /** Asks the service to stop (SIGTERM, as an orchestrator does). */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the stop asked by {@link #requestStop()}; kills the JVM after {@link #STOP_GRACE}. Returns its exit code. */
    public int awaitStop() {
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
