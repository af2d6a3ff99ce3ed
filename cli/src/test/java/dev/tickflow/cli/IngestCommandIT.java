package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.ReferenceData;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickflow ingest --replay} on a real broker: every trade of the file written, then exit 0. */
@WithKafka
class IngestCommandIT {
    private final CapturedTickflow tickflow = new CapturedTickflow();

    @TempDir
    Path dir;

    @Test
    void theCommandReplaysAFileAndExitsZero(KafkaBroker broker, TestTopics topics) throws Exception {
        Path file = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-aggTrades-2019-10-11_13.csv");
        String trades = topics.create("md.trades", 3);
        String control = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        Path config = Files.writeString(dir.resolve("ingest.properties"), String.join("\n",
                "kafka.bootstrap.servers=" + broker.bootstrapServers(),
                "schema.registry.url=mock://ingest-command",
                "http.port=-1",
                "topic.md.trades.name=" + trades,
                "topic.control.symbols.name=" + control, ""));
        int exitCode = tickflow.execute("ingest", "--config", config.toString(), "--replay", file.toString());
        assertThat(exitCode).as(tickflow.err.toString()).isZero();
        assertThat(tickflow.out.toString()).contains("ingest.source=replay", "ingest.replay.files=[" + file + "]");

        long written = tradeRecords(broker.bootstrapServers(), trades);
        assertThat(written).isEqualTo(12_477);
    }

    /** Records with a value: the trades, not ingest's watermarks. */
    private static long tradeRecords(String bootstrap, String topic) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", false);
        long trades = 0;
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        trades++;
                    }
                }
            }
        }
        return trades;
    }
}
