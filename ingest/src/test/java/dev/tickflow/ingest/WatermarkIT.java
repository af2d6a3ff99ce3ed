package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.ingest.IngestTestSupport.StoredRecord;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
                    && watermarksPerPartition(IngestTestSupport.readRecords(broker.bootstrapServers(), tradesTopic, registry), 3) >= 3);
        }

        List<StoredRecord> records = IngestTestSupport.readRecords(broker.bootstrapServers(), tradesTopic, registry);
        assertThat(records.stream().filter(r -> r.trade() != null).count()).isEqualTo(stats.trades());
        assertThat(watermarksPerPartition(records, 3)).isGreaterThanOrEqualTo(3);
        assertWatermarksCoverTheTradesBeforeThem(records, r -> true);
    }

    /** The fewest watermarks any of the {@code partitions} holds. */
    static long watermarksPerPartition(List<StoredRecord> records, int partitions) {
        long fewest = Long.MAX_VALUE;
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            fewest = Math.min(fewest, records.stream().filter(r -> r.partition() == partition && r.watermark().isPresent()).count());
        }
        return fewest;
    }

    /**
     * Per partition, in offset order: watermarks strictly increase, and no trade that {@code checked} selects comes
     * after a watermark later than its trade time (the producer wrote every earlier trade before the watermark).
     */
    static void assertWatermarksCoverTheTradesBeforeThem(List<StoredRecord> records, Predicate<StoredRecord> checked) {
        Map<Integer, List<StoredRecord>> byPartition = records.stream()
                .collect(java.util.stream.Collectors.groupingBy(StoredRecord::partition));
        byPartition.forEach((partition, inPartition) -> {
            long watermark = Long.MIN_VALUE;
            for (StoredRecord record : inPartition) {
                if (record.watermark().isPresent()) {
                    assertThat(record.watermark().getAsLong()).as("watermark at %d-%d", partition, record.offset())
                            .isGreaterThan(watermark);
                    watermark = record.watermark().getAsLong();
                } else if (checked.test(record)) {
                    assertThat(record.trade().getTradeTime().toEpochMilli())
                            .as("trade %s %d at %d-%d", record.trade().getSymbol(), record.trade().getTradeId(), partition, record.offset())
                            .isGreaterThanOrEqualTo(watermark);
                }
            }
        });
    }
}
