package dev.tickflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.localstack.process.ProcessLogs;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service in a JVM of its own, started through its own {@code main} on the test class path with nothing but its
 * configuration file (no TICKFLOW_* variable leaks in from the test's environment). Signals are sent as an operator or
 * the kernel would: SIGKILL, SIGSTOP/SIGCONT, SIGTERM.
 */
final class ServiceJvm implements AutoCloseable {
    private static final Pattern HEALTH_URL = Pattern.compile("health on (http://\\S+/health)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(180);

    private final String name;
    private final Path log;
    private final Process process;

    private ServiceJvm(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java mainClass args...}; its output goes to {@code log}, appended across restarts. */
    static ServiceJvm start(String name, Path log, String mainClass, String... args) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "=== start of " + name + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("TICKFLOW_"));
        Process process = builder.start();
        // no service outlives the test JVM, even when it is killed by a timeout
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill " + name));
        return new ServiceJvm(name, log, process);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the service printed its health endpoint (this start's) and the endpoint answers UP. */
    URI awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("%s is running; end of its log:%n%s", name, tail()).isTrue();
            URI health = healthUri();
            if (health != null && answersUp(health)) {
                return health;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not become healthy within " + HEALTHY_WITHIN.toSeconds() + " s:\n" + tail());
    }

    /** The health endpoint this run of the process printed, or null before it printed one. */
    URI healthUri() throws IOException {
        String output = Files.readString(log);
        String ownRun = output.substring(output.lastIndexOf("=== start of " + name));
        Matcher matcher = HEALTH_URL.matcher(ownRun);
        return matcher.find() ? URI.create(matcher.group(1)) : null;
    }

    /** {@code GET /health} answers 200 with status UP. */
    boolean answersUp(URI health) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException notServing) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, open transactions stay open. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s killed", name).isTrue();
    }

    /** SIGSTOP: the JVM is frozen, its connections stay open, its heartbeats stop. */
    void pause() throws Exception {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    void resume() throws Exception {
        signal("CONT");
    }

    /** SIGTERM, as an orchestrator stops it; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s stops on SIGTERM", name).isTrue();
        return process.exitValue();
    }

    String tail() {
        return ProcessLogs.tail(log, 40);
    }

    private void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s %s (%s)", signal, process.pid(), name).isZero();
    }

    /** Kills the JVM if it still runs (a paused one is continued first so that it can die at once). */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                signal("CONT");
            } catch (Exception | AssertionError ignored) {
                // it is killed below anyway
            }
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
