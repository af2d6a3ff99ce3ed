package dev.tickflow.localstack;

import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * The live status line of {@code tickflow up}: how far each main topic has come, from its end offsets (cheap: no
 * record is read). The offsets of topics written in transactions also count one commit marker per transaction, so
 * for candles and signals they are an upper bound of the records, not an exact count.
 */
final class StackStatus {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final Map<String, String> labelsByTopic = new LinkedHashMap<>();

    StackStatus(Admin admin, TopicCatalog topics) {
        this.admin = admin;
        labelsByTopic.put(topics.trades().name(), "trades");
        labelsByTopic.put(topics.candles(CandleInterval.ONE_MINUTE).name(), "candles 1m");
        labelsByTopic.put(topics.signals().name(), "signals");
        labelsByTopic.put(topics.orders().name(), "orders");
        labelsByTopic.put(topics.fills().name(), "fills");
    }

    /** The end offsets summed per topic, by topic name. */
    Map<String, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Long> sums = new LinkedHashMap<>();
        labelsByTopic.keySet().forEach(topic -> sums.put(topic, 0L));
        TopicOffsets.ends(admin, labelsByTopic.keySet(), TIMEOUT).forEach((partition, end) -> sums.merge(partition.topic(), end, Long::sum));
        return sums;
    }

    /** For example {@code trades 12,345 | candles 1m 210 | signals 4 | orders 0 | fills 0 | up 0:01:23}. */
    String line(Duration uptime) {
        String counts;
        try {
            Map<String, Long> sums = endOffsets();
            counts = labelsByTopic.entrySet().stream()
                    .map(e -> String.format("%s %,d", e.getValue(), sums.getOrDefault(e.getKey(), 0L)))
                    .collect(Collectors.joining(" | "));
        } catch (ExecutionException | TimeoutException e) {
            counts = "broker not answering";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counts = "stopping";
        }
        return String.format("%s | up %d:%02d:%02d", counts, uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());
    }
}
