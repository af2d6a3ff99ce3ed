package dev.tickflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.ingest.IngestRunner;
import dev.tickflow.ingest.IngestStats;
import dev.tickflow.ingest.IngestTestSupport;
import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.ReferenceData;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WithKafka
class ReplayIT {

    @Test
    void replaysTheReferenceFileIntoMdTradesInOrder(KafkaBroker broker, TestTopics topics) throws Exception {
        Path file = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-aggTrades-2019-10-11_13.csv");
        String tradesTopic = topics.create("md.trades", 3);
        String registry = IngestTestSupport.mockRegistry();
        IngestStats stats = new IngestStats();
        var settings = IngestTestSupport.settings(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "schema.registry.url", registry,
                "ingest.source", "replay",
                "ingest.replay.files", file.toString(),
                "ingest.control.follow", "false",
                "topic.md.trades.name", tradesTopic));
        try (IngestRunner runner = new IngestRunner(settings, stats, Duration.ofSeconds(10))) {
            runner.start();
            assertThat(runner.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(runner.awaitTermination()).isEqualTo(IngestRunner.EXIT_STOPPED);
        }
        assertThat(stats.trades()).isEqualTo(12_477);
        assertThat(stats.of("XRPETH").gaps()).isZero();

        List<Trade> trades = IngestTestSupport.readTrades(broker.bootstrapServers(), tradesTopic, registry, Duration.ofSeconds(30),
                read -> read.size() >= 12_477);
        assertThat(trades).hasSize(12_477);
        assertThat(trades).allMatch(t -> t.getSymbol().equals("XRPETH") && t.getExchange().equals("binance"));
        for (int i = 0; i < trades.size(); i++) {
            assertThat(trades.get(i).getTradeId()).isEqualTo(13_519_807L + i);
        }
        assertThat(trades.get(trades.size() - 1).getTradeId()).isEqualTo(13_532_283L);
    }
}
