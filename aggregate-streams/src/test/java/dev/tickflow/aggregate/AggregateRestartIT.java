package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.aggregate.TradeScript.Key;
import dev.tickflow.aggregate.TradeScript.Summary;
import dev.tickflow.runtime.fixtures.RestartHarness;
import dev.tickflow.schema.Candle;
import dev.tickflow.localstack.process.ApicurioRegistry;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregate service as a separate JVM, killed with SIGKILL mid-stream and restarted: with exactly_once_v2 the
 * candles published are complete and none is published twice.
 */
@WithKafka
@WithSchemaRegistry
class AggregateRestartIT {
    @TempDir
    Path dir;

    @Test
    void killedMidStreamAndRestartedPublishesEveryCandleExactlyOnce(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        AggregateServiceFixture fixture = new AggregateServiceFixture(broker, registry, topics, dir);
        TradeScript script = new TradeScript(Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES), 6, 7);
        Map<Key, Summary> expected = script.expectedCandles();

        try (RestartHarness service = new RestartHarness(new AggregateApp(), topics.name("aggregate"))) {
            service.start(fixture.configFile);
            fixture.produce(script.before(3));
            List<Candle> beforeKill = fixture.readCandles(read -> !read.isEmpty(), Duration.ofSeconds(30), Duration.ZERO);
            assertThat(beforeKill).as("candles published before the kill; log:%n%s", service.tail()).isNotEmpty();

            service.kill();
            fixture.produce(script.from(3));

            service.start(fixture.configFile);
            List<Candle> candles = fixture.readCandles(CandleAssertions.containsAll(expected), Duration.ofSeconds(40), Duration.ofSeconds(3));
            assertThat(candles).as("candles after the restart; log:%n%s", service.tail()).isNotEmpty();
            CandleAssertions.assertExactly(candles, expected);

            service.stop();
        }
    }
}
