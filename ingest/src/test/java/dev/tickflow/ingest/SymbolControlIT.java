package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithKafka
class SymbolControlIT {

    @Test
    void symbolsAddedPausedAndRemovedThroughControlSymbols(KafkaBroker broker, TestTopics topics) throws Exception {
        String bootstrap = broker.bootstrapServers();
        String tradesTopic = topics.create("md.trades", 3);
        String control = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        String registry = IngestTestSupport.mockRegistry();
        IngestTestSupport.sendCommand(bootstrap, control, registry, "SOLUSDT", true);
        IngestStats stats = new IngestStats();
        IngestSettings settings = IngestTestSupport.settings(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "schema.registry.url", registry,
                "ingest.source", "simulate",
                "ingest.symbols", "BTCUSDT",
                "ingest.simulator.speed", "60",
                "topic.md.trades.name", tradesTopic,
                "topic.control.symbols.name", control));
        try (IngestRunner runner = new IngestRunner(settings, stats, Duration.ofSeconds(10))) {
            runner.start();
            // a command already in the topic at start applies: SOLUSDT trades
            await().atMost(Duration.ofSeconds(20)).until(() -> stats.of("SOLUSDT").trades() > 20 && stats.of("BTCUSDT").trades() > 20);
            assertThat(stats.of("ETHUSDT").trades()).isZero();

            IngestTestSupport.sendCommand(bootstrap, control, registry, "ETHUSDT", true);
            await().atMost(Duration.ofSeconds(20)).until(() -> stats.of("ETHUSDT").trades() > 20);

            IngestTestSupport.sendCommand(bootstrap, control, registry, "ETHUSDT", null);
            IngestTestSupport.sendCommand(bootstrap, control, registry, "BTCUSDT", false);
            long ethAfterRemoval = awaitStable(stats, "ETHUSDT");
            long btcAfterPause = awaitStable(stats, "BTCUSDT");
            long sol = stats.of("SOLUSDT").trades();
            await().atMost(Duration.ofSeconds(20)).until(() -> stats.of("SOLUSDT").trades() > sol + 20);
            assertThat(stats.of("ETHUSDT").trades()).isEqualTo(ethAfterRemoval);
            assertThat(stats.of("BTCUSDT").trades()).isEqualTo(btcAfterPause);

            IngestTestSupport.sendCommand(bootstrap, control, registry, "BTCUSDT", true);
            await().atMost(Duration.ofSeconds(20)).until(() -> stats.of("BTCUSDT").trades() > btcAfterPause + 20);
        }

        List<Trade> trades = IngestTestSupport.readAll(bootstrap, tradesTopic, registry);
        Map<String, List<Long>> ids = IngestTestSupport.idsBySymbol(trades);
        assertThat(ids).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT");
        ids.forEach((symbol, list) -> {
            assertThat(list).as(symbol).isSorted().doesNotHaveDuplicates();
            assertThat((long) list.size()).as(symbol).isEqualTo(stats.of(symbol).trades());
        });
    }

    /** Waits until the symbol's count stops moving for 1.5 s (the command applied, in-flight trades acknowledged). */
    private static long awaitStable(IngestStats stats, String symbol) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long previous = -1;
        while (System.nanoTime() < deadline) {
            long now = stats.of(symbol).trades();
            if (now == previous) {
                return now;
            }
            previous = now;
            Thread.sleep(1_500);
        }
        throw new AssertionError(symbol + " kept trading after it was removed or paused");
    }
}
