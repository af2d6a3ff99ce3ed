package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.cli.TradeScript.Key;
import dev.tickflow.cli.TradeScript.Summary;
import dev.tickflow.schema.Candle;
import dev.tickflow.testkit.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
    @TempDir
    Path dir;

    private ServiceProcess running;

    @AfterEach
    void killLeftovers() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void killedMidStreamAndRestartedPublishesEveryCandleExactlyOnce(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        AggregateFixture fixture = new AggregateFixture(broker, registry, topics, dir);
        fixture.assumeTopologyImplemented();
        TradeScript script = new TradeScript(Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES), 6, 7);
        Map<Key, Summary> expected = script.expectedCandles();

        running = ServiceProcess.start("aggregate", fixture.configFile, topics.name("aggregate") + "-first.log");
        running.awaitHealthy();
        fixture.produce(script.before(3));
        List<Candle> beforeKill = fixture.readCandles(read -> !read.isEmpty(), Duration.ofSeconds(30), Duration.ZERO);
        assertThat(beforeKill).as("candles published before the kill; log:%n%s", running.tail()).isNotEmpty();

        running.kill();
        fixture.produce(script.from(3));

        running = ServiceProcess.start("aggregate", fixture.configFile, topics.name("aggregate") + "-second.log");
        running.awaitHealthy();
        List<Candle> candles = fixture.readCandles(CandleAssertions.containsAll(expected), Duration.ofSeconds(40), Duration.ofSeconds(3));
        assertThat(candles).as("candles after the restart; log:%n%s", running.tail()).isNotEmpty();
        CandleAssertions.assertExactly(candles, expected);

        assertThat(running.stop()).isEqualTo(ServiceProcess.EXIT_SIGTERM);
        assertThat(running.output()).contains("aggregate: closing Kafka Streams");
    }
}
