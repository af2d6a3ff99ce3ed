package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Everything a replayed topology writes: candles go to the sink, late trades are counted, and records of any
 * other topic (changelogs, repartition topics) are dropped, since the driver would otherwise keep them all.
 * Only topics the topology has written to are read (the driver warns about the others).
 */
final class ReplayOutputs {
    private final TopologyTestDriver driver;
    private final CandleSink sink;
    private final Map<String, CandleInterval> intervalsByTopic = new HashMap<>();
    private final Map<String, TestOutputTopic<String, Candle>> candleTopics = new LinkedHashMap<>();
    private final Map<CandleInterval, Long> candleCounts = new LinkedHashMap<>();
    private final String lateTopic;
    private final Map<String, TestOutputTopic<byte[], byte[]>> rawTopics = new HashMap<>();
    private long lateTrades;
    private long discarded;

    ReplayOutputs(TopologyTestDriver driver, TopicCatalog topics, Deserializer<Candle> candles, CandleSink sink) {
        this.driver = driver;
        this.sink = sink;
        for (CandleInterval interval : topics.candleIntervals()) {
            String name = topics.candles(interval).name();
            intervalsByTopic.put(name, interval);
            candleTopics.put(name, driver.createOutputTopic(name, new StringDeserializer(), candles));
            candleCounts.put(interval, 0L);
        }
        this.lateTopic = topics.tradesLate().name();
    }

    void drain() throws IOException {
        for (Map.Entry<String, TestOutputTopic<String, Candle>> entry : candleTopics.entrySet()) {
            if (driver.producedTopicNames().contains(entry.getKey())) {
                CandleInterval interval = intervalsByTopic.get(entry.getKey());
                TestOutputTopic<String, Candle> topic = entry.getValue();
                while (!topic.isEmpty()) {
                    sink.accept(interval, topic.readValue());
                    candleCounts.merge(interval, 1L, Long::sum);
                }
            }
        }
        for (String name : driver.producedTopicNames()) {
            if (!candleTopics.containsKey(name)) {
                long dropped = dropAll(name);
                if (name.equals(lateTopic)) {
                    lateTrades += dropped;
                } else {
                    discarded += dropped;
                }
            }
        }
    }

    Map<CandleInterval, Long> candleCounts() {
        return new LinkedHashMap<>(candleCounts);
    }

    long lateTrades() {
        return lateTrades;
    }

    long discarded() {
        return discarded;
    }

    private long dropAll(String name) {
        TestOutputTopic<byte[], byte[]> topic = rawTopics.computeIfAbsent(name,
                n -> driver.createOutputTopic(n, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        long count = 0;
        while (!topic.isEmpty()) {
            topic.readRecord();
            count++;
        }
        return count;
    }
}
