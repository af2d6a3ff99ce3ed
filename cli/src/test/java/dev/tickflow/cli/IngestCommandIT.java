package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.ReferenceData;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
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

        var partitions = broker.admin().describeTopics(List.of(trades)).allTopicNames().get().get(trades).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> new TopicPartition(trades, p.partition()), p -> OffsetSpec.latest()));
        long written = broker.admin().listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        assertThat(written).isEqualTo(12_477);
    }
}
