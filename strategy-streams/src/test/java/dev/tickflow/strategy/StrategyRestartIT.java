package dev.tickflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.runtime.fixtures.RestartHarness;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strategy service as a separate JVM, killed with SIGKILL mid-stream and restarted: with exactly_once_v2 and
 * its state restored from the changelog (A's fills included), the signals of the whole price path come out without a
 * gap and without a duplicate, as if it had never stopped.
 */
@WithKafka
@WithSchemaRegistry
class StrategyRestartIT {
    @TempDir
    Path dir;

    @Test
    void killedMidStreamAndRestartedPublishesEverySignalExactlyOnce(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        StrategyFixture fixture = new StrategyFixture(broker, registry, topics, dir);
        StrategyScript script = StrategyScript.recent();
        ExpectedOutput expected = ExpectedOutput.of(script);
        int signalCount = expected.signalCount();
        int snapshotCount = expected.snapshotCount();
        int killedAfter = 16;

        try (RestartHarness service = new RestartHarness(new StrategyApp(), fixture.applicationId)) {
            service.start(fixture.configFile);
            fixture.produceCandles(script.candles(0, StrategyScript.ENTRY + 1));
            List<Signal> beforeKill = fixture.read(fixture.signals, Signal.class, read -> read.size() >= 4, Duration.ofSeconds(40), Duration.ZERO);
            assertThat(beforeKill).as("the entries, published before the kill; log:%n%s", service.tail()).hasSize(4);
            fixture.awaitConsumed(fixture.produceFills(script.fillsOfAInEth()), Duration.ofSeconds(30));
            fixture.produceCandles(script.candles(StrategyScript.ENTRY + 1, killedAfter));

            // more candles, then SIGKILL while the service is likely still processing them
            fixture.produceCandles(script.candles(killedAfter, killedAfter + 4));
            service.kill();
            fixture.produceCandles(script.candles(killedAfter + 4, StrategyScript.length()));

            service.start(fixture.configFile);
            List<Signal> signals = fixture.read(fixture.signals, Signal.class, read -> read.size() >= signalCount,
                    Duration.ofSeconds(60), Duration.ofSeconds(3));
            List<IndicatorSnapshot> snapshots = fixture.read(fixture.indicators, IndicatorSnapshot.class,
                    read -> read.size() >= snapshotCount, Duration.ofSeconds(20), Duration.ofSeconds(1));

            assertThat(signals).as("signals after the restart; log:%n%s", service.tail()).hasSize(signalCount);
            assertThat(snapshots).as("one snapshot per candle and instance").hasSize(snapshotCount);
            expected.assertPublished(signals, snapshots);

            service.stop();
        }
    }
}
