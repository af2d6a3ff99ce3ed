package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tickflow.cli.TradeScript.Key;
import dev.tickflow.cli.TradeScript.Summary;
import dev.tickflow.schema.Candle;
import dev.tickflow.testkit.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickflow aggregate} as a separate JVM, killed with SIGKILL mid-stream and restarted: with exactly_once_v2 the
 * candles published are complete and none is published twice.
 */
@WithKafka
@WithSchemaRegistry
class AggregateRestartIT {
    private static final Pattern HEALTH_URL = Pattern.compile("health on (http://\\S+/health)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The JVM's exit status after SIGTERM: 128 + 15. */
    private static final int EXIT_SIGTERM = 143;

    @TempDir
    Path dir;

    private Process running;

    @AfterEach
    void killLeftovers() {
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
        }
    }

    @Test
    void killedMidStreamAndRestartedPublishesEveryCandleExactlyOnce(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        AggregateFixture fixture = new AggregateFixture(broker, registry, topics, dir);
        fixture.assumeTopologyImplemented();
        TradeScript script = new TradeScript(Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES), 6, 7);
        Map<Key, Summary> expected = script.expectedCandles();

        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Path firstLog = logs.resolve(topics.name("aggregate") + "-first.log");
        running = start(fixture, firstLog);
        awaitHealthy(firstLog);
        fixture.produce(script.before(3));
        List<Candle> beforeKill = fixture.readCandles(read -> !read.isEmpty(), Duration.ofSeconds(30), Duration.ZERO);
        assertThat(beforeKill).as("candles published before the kill; log:%n%s", tail(firstLog)).isNotEmpty();

        running.destroyForcibly();
        assertThat(running.waitFor(20, TimeUnit.SECONDS)).isTrue();
        fixture.produce(script.from(3));

        Path secondLog = logs.resolve(topics.name("aggregate") + "-second.log");
        running = start(fixture, secondLog);
        awaitHealthy(secondLog);
        List<Candle> candles = fixture.readCandles(CandleAssertions.containsAll(expected), Duration.ofSeconds(40), Duration.ofSeconds(3));
        assertThat(candles).as("candles after the restart; log:%n%s", tail(secondLog)).isNotEmpty();
        CandleAssertions.assertExactly(candles, expected);

        running.destroy();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(running.exitValue()).isEqualTo(EXIT_SIGTERM);
        assertThat(Files.readString(secondLog)).contains("aggregate: closing Kafka Streams");
    }

    private static Process start(AggregateFixture fixture, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                TickflowCommand.class.getName(), "aggregate", "--config", fixture.configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitHealthy(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        URI health = null;
        while (System.nanoTime() < deadline) {
            if (!running.isAlive()) {
                fail("tickflow aggregate exited with " + running.exitValue() + ":\n" + tail(log));
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
        fail("tickflow aggregate did not become healthy within 45 s:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
