package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.runtime.fixtures.RestartHarness;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor (paper broker) as a separate JVM: three fills, SIGKILL, a restart with an empty state
 * directory (so the positions can only come from the changelog of the executor-positions store), one more fill: the
 * position continues from the quantity, average entry price, realized PnL and fees it had.
 */
@WithKafka
@WithSchemaRegistry
class ExecutorRestartIT {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void positionsAreRebuiltFromTheChangelogAfterARestart(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        ExecutorFixture fixture = new ExecutorFixture(broker, registry, topics, dir);
        Path firstConfig = fixture.writeConfig("executor-first.properties");
        Path secondConfig = fixture.set("state.dir", dir.resolve("state-after-restart").toString()).writeConfig("executor-second.properties");

        try (RestartHarness service = new RestartHarness(new ExecutorApp(), fixture.applicationId)) {
            service.start(firstConfig);
            fillAt(fixture, service, 0, TargetPosition.LONG, "50000", 1);
            fillAt(fixture, service, 2, TargetPosition.FLAT, "51000", 2);
            fillAt(fixture, service, 4, TargetPosition.LONG, "52000", 3);
            Position beforeKill = latestPosition(fixture);
            assertThat(beforeKill.getQuantity()).isEqualByComparingTo("0.001");
            assertThat(beforeKill.getAverageEntryPrice()).isEqualByComparingTo("52000");
            assertThat(beforeKill.getRealizedPnl()).as("(51000 - 50000) x 0.001").isEqualByComparingTo("1");
            assertThat(beforeKill.getFees()).as("0.1 %% of 50, 51 and 52").isEqualByComparingTo("0.153");
            service.kill();

            service.start(secondConfig);
            fillAt(fixture, service, 6, TargetPosition.FLAT, "50000", 4);

            Position after = latestPosition(fixture);
            assertThat(after.getQuantity()).as("the FLAT signal sold the 0.001 held before the restart").isEqualByComparingTo("0");
            assertThat(after.getRealizedPnl()).as("1 + (50000 - 52000) x 0.001").isEqualByComparingTo("-1");
            assertThat(after.getFees()).as("0.153 + 0.05").isEqualByComparingTo("0.203");
            List<OrderEvent> orders = fixture.read(fixture.orders, OrderEvent.class, read -> read.size() >= 4, Duration.ofSeconds(20),
                    Duration.ofSeconds(2));
            assertThat(orders).as("one order per signal, none again after the restart").hasSize(4)
                    .extracting(OrderEvent::getStatus).containsOnly(OrderStatus.FILLED);

            service.stop();
        }
    }

    /** A trade at {@code price} in minute {@code minute}, then a signal on that minute's candle; waits for fill number {@code fillCount}. */
    private static void fillAt(ExecutorFixture fixture, RestartHarness service, int minute, TargetPosition target, String price, int fillCount) {
        Instant candle = START.plusSeconds(60L * minute);
        fixture.produceTrade(ExecutorFixture.trade(price, candle.plusSeconds(30)));
        Signal signal = ExecutorFixture.signal(candle, target, price);
        fixture.produceSignal(signal);
        List<Fill> fills = fixture.read(fixture.fills, Fill.class, read -> read.size() >= fillCount, Duration.ofSeconds(40), Duration.ofSeconds(1));
        assertThat(fills).as("fills after the signal of minute %d; log:%n%s", minute, service.tail()).hasSize(fillCount);
        assertThat(fills.get(fillCount - 1).getPrice()).isEqualByComparingTo(price);
    }

    private static Position latestPosition(ExecutorFixture fixture) {
        List<Position> positions = fixture.read(fixture.positions, Position.class, read -> !read.isEmpty(), Duration.ofSeconds(20),
                Duration.ofSeconds(2));
        return positions.get(positions.size() - 1);
    }
}
