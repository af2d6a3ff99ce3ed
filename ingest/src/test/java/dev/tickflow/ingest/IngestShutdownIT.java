package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickflow ingest} in its own JVM, stopped with SIGTERM: it flushes, and md.trades holds every trade it counted. */
@WithKafka
class IngestShutdownIT {
    private static final Pattern WRITTEN = Pattern.compile("ingest: (\\d+) trades written");

    @TempDir
    Path dir;

    @Test
    void sigtermFlushesEveryTradeAndExits143(KafkaBroker broker, TestTopics topics) throws Exception {
        String trades = topics.create("md.trades", 3);
        String control = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        Path config = Files.writeString(dir.resolve("ingest.properties"), String.join("\n",
                "kafka.bootstrap.servers=" + broker.bootstrapServers(),
                "schema.registry.url=mock://ingest-shutdown",
                "http.port=0",
                "ingest.symbols=BTCUSDT,ETHUSDT,SOLUSDT",
                "ingest.simulator.speed=120",
                "topic.md.trades.name=" + trades,
                "topic.control.symbols.name=" + control, ""));
        try (ServiceProcess ingest = ServiceProcess.start("ingest", config, topics.name("ingest") + ".log")) {
            ingest.awaitHealthy();
            Thread.sleep(6_000);
            assertThat(ingest.stop()).isEqualTo(ServiceProcess.EXIT_SIGTERM);
            String output = ingest.output();
            assertThat(output).contains("Flushing the producer");
            Matcher matcher = WRITTEN.matcher(output);
            long lastReported = -1;
            while (matcher.find()) {
                lastReported = Long.parseLong(matcher.group(1));
            }
            assertThat(lastReported).as(ingest.tail()).isPositive();
            assertThat(recordsIn(broker, trades)).isEqualTo(lastReported);
        }
    }

    private static long recordsIn(KafkaBroker broker, String topic) throws Exception {
        var partitions = broker.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return broker.admin().listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }
}
