package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.ingest.IngestTestSupport.StoredRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulator's watermarks in md.trades on a real broker: in every partition, after the trades they cover, advancing. */
@WithKafka
@Timeout(60)
class WatermarkIT {

    @Test
    void watermarksLandInEveryPartitionAfterTheTradesTheyCoverAndAdvance(KafkaBroker broker, TestTopics topics) {
        String tradesTopic = topics.create("md.trades", 3);
        String registry = IngestTestSupport.mockRegistry();
        IngestStats stats = new IngestStats();
        IngestSettings settings = IngestTestSupport.settings(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "schema.registry.url", registry,
                "ingest.source", "simulate",
                "ingest.simulator.speed", "60",
                "ingest.symbols", "BTCUSDT,ETHUSDT,SOLUSDT",
                "ingest.control.follow", "false",
                "ingest.watermark.interval.ms", "50",
                "topic.md.trades.name", tradesTopic));
        try (IngestRunner runner = new IngestRunner(settings, stats, Duration.ofSeconds(10))) {
            runner.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stats.trades() >= 300
                    && IngestTestSupport.watermarksPerPartition(IngestTestSupport.readRecords(broker.bootstrapServers(), tradesTopic, registry), 3) >= 3);
        }

        List<StoredRecord> records = IngestTestSupport.readRecords(broker.bootstrapServers(), tradesTopic, registry);
        assertThat(records.stream().filter(r -> r.trade() != null).count()).isEqualTo(stats.trades());
        assertThat(IngestTestSupport.watermarksPerPartition(records, 3)).isGreaterThanOrEqualTo(3);
        IngestTestSupport.assertWatermarksCoverTheTradesBeforeThem(records, r -> true);
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            assertThat(records.stream().filter(r -> r.partition() == p && r.watermark().isPresent()).mapToLong(r -> r.watermark().getAsLong()))
                    .as("one run's watermarks in partition %d", p).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        }
    }
}
