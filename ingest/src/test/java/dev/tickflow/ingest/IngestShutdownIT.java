package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.runtime.fixtures.ServiceProcess;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest service in its own JVM, stopped with SIGTERM: it flushes, and md.trades holds every trade it counted. */
@WithKafka
class IngestShutdownIT {
    private static final Pattern WRITTEN = Pattern.compile("ingest: (\\d+) trades written");

    @TempDir
    Path dir;

    @Test
    void sigtermFlushesEveryTradeAndExits143(KafkaBroker broker, TestTopics topics) throws Exception {
        String trades = topics.create("md.trades", 3);
        String control = topics.create("control.symbols", 1, Map.of("cleanup.policy", "compact"));
        Path config = IngestTestSupport.serviceConfig(dir.resolve("ingest.properties"), broker.bootstrapServers(), trades, control,
                "ingest.symbols=BTCUSDT,ETHUSDT,SOLUSDT", "ingest.simulator.speed=120");
        try (ServiceProcess ingest = ServiceProcess.start("ingest", topics.name("ingest") + ".log", IngestService.class.getName(), config.toString())) {
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
            assertThat(IngestTestSupport.tradeRecordsIn(broker.bootstrapServers(), trades)).isEqualTo(lastReported);
        }
    }
}
