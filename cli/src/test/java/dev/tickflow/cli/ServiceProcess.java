package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tickflow.localstack.process.ProcessLogs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code tickflow} service command in its own JVM, as an operator runs it; its output goes to a log file. */
final class ServiceProcess implements AutoCloseable {
    /** The JVM's exit status after SIGTERM: 128 + 15. */
    static final int EXIT_SIGTERM = 143;
    private static final Pattern HEALTH_URL = Pattern.compile("health on (http://\\S+/health)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String command;
    private final Process process;
    private final Path log;

    private ServiceProcess(String command, Process process, Path log) {
        this.command = command;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code tickflow <command> --config <configFile>} with the test classpath, logging to target/it-logs/{@code logName}. */
    static ServiceProcess start(String command, Path configFile, String logName) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve(logName);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                TickflowCommand.class.getName(), command, "--config", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(command, process, log);
    }

    /** Waits until the service prints its health endpoint and the endpoint answers UP. */
    void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        URI health = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("tickflow " + command + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (health == null) {
                Matcher matcher = HEALTH_URL.matcher(Files.readString(log));
                health = matcher.find() ? URI.create(matcher.group(1)) : null;
            } else {
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        assertThat(response.body()).contains("\"status\":\"UP\"");
                        return;
                    }
                } catch (IOException notYet) {
                    // the endpoint is printed just before it serves
                }
            }
            Thread.sleep(200);
        }
        fail("tickflow " + command + " did not become healthy within 45 s:\n" + tail());
    }

    /** SIGKILL: no shutdown hook runs, open transactions stay open. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("killed").isTrue();
    }

    /** SIGTERM, as an orchestrator stops a service; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    String tail() {
        return ProcessLogs.tail(log, 40);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
