package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tickflow.cli.CrossoverReference.Output;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickflow strategy} as a separate JVM, killed with SIGKILL mid-stream and restarted: with exactly_once_v2 and
 * its state restored from the changelog (A's fills included), the signals of the whole price path come out without a
 * gap and without a duplicate, as if it had never stopped.
 */
@WithKafka
@WithSchemaRegistry
class StrategyRestartIT {
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
    void killedMidStreamAndRestartedPublishesEverySignalExactlyOnce(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        StrategyFixture fixture = new StrategyFixture(broker, registry, topics, dir);
        StrategyScript script = StrategyScript.recent();
        Map<String, Output> expected = Map.of(
                StrategyScript.BTC, script.expected(StrategyScript.BTC, true),
                StrategyScript.ETH, script.expected(StrategyScript.ETH, true));
        int signalCount = expected.values().stream().mapToInt(output -> output.signals().size()).sum();
        int snapshotCount = expected.values().stream().mapToInt(output -> output.snapshots().size()).sum();
        int killedAfter = 16;

        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Path firstLog = logs.resolve(fixture.applicationId + "-first.log");
        running = start(fixture, firstLog);
        awaitHealthy(firstLog);
        fixture.produceCandles(script.candles(0, StrategyScript.ENTRY + 1));
        List<Signal> beforeKill = fixture.read(fixture.signals, Signal.class, read -> read.size() >= 4, Duration.ofSeconds(40), Duration.ZERO);
        assertThat(beforeKill).as("the entries, published before the kill; log:%n%s", tail(firstLog)).hasSize(4);
        fixture.awaitConsumed(fixture.produceFills(script.fillsOfAInEth()), Duration.ofSeconds(30));
        fixture.produceCandles(script.candles(StrategyScript.ENTRY + 1, killedAfter));

        // more candles, then SIGKILL while the service is likely still processing them
        fixture.produceCandles(script.candles(killedAfter, killedAfter + 4));
        running.destroyForcibly();
        assertThat(running.waitFor(20, TimeUnit.SECONDS)).isTrue();
        fixture.produceCandles(script.candles(killedAfter + 4, StrategyScript.length()));

        Path secondLog = logs.resolve(fixture.applicationId + "-second.log");
        running = start(fixture, secondLog);
        awaitHealthy(secondLog);
        List<Signal> signals = fixture.read(fixture.signals, Signal.class, read -> read.size() >= signalCount,
                Duration.ofSeconds(60), Duration.ofSeconds(3));
        List<IndicatorSnapshot> snapshots = fixture.read(fixture.indicators, IndicatorSnapshot.class,
                read -> read.size() >= snapshotCount, Duration.ofSeconds(20), Duration.ofSeconds(1));

        assertThat(signals).as("signals after the restart; log:%n%s", tail(secondLog)).hasSize(signalCount);
        assertThat(snapshots).as("one snapshot per candle and instance").hasSize(snapshotCount);
        expected.forEach((symbol, output) -> {
            assertThat(signals).filteredOn(signal -> signal.getSymbol().equals(symbol)).as("signals of %s", symbol)
                    .containsExactlyElementsOf(output.signals());
            assertThat(snapshots).filteredOn(snapshot -> snapshot.getSymbol().equals(symbol)).as("snapshots of %s", symbol)
                    .containsExactlyElementsOf(output.snapshots());
        });

        running.destroy();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(running.exitValue()).isEqualTo(EXIT_SIGTERM);
        assertThat(Files.readString(secondLog)).contains("strategy: closing Kafka Streams");
    }

    private static Process start(StrategyFixture fixture, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                TickflowCommand.class.getName(), "strategy", "--config", fixture.configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitHealthy(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        URI health = null;
        while (System.nanoTime() < deadline) {
            if (!running.isAlive()) {
                fail("tickflow strategy exited with " + running.exitValue() + ":\n" + tail(log));
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
        fail("tickflow strategy did not become healthy within 45 s:\n" + tail(log));
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
