package dev.tickflow.cli.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs trades through a candle topology in a {@link TopologyTestDriver}: no broker, records go through the
 * real serdes. The mock wall clock starts at the epoch and stays there while trades are piped in, so
 * windows close by stream time only; after the last trade the clock is advanced to the end of the last
 * trade's minute plus the grace, which closes (and emits) the last minute. A rolled-up interval whose
 * window is still incomplete at that point is not emitted.
 */
public final class CandleReplay {
    static final String APPLICATION_ID = "tickflow-backtest";
    /** Candles are drained from the driver this often, so its output queues stay small. */
    private static final int DRAIN_EVERY = 4096;

    private final CandleTopology topology;
    private final AggregateSettings settings;
    private final Path stateDir;

    /**
     * @param settings the topology's settings; {@code closeByWallClock} must be true (the end-of-data flush needs it)
     *                 and the serde config usually names a {@code mock://} registry
     * @param stateDir an empty directory for the topology's state stores
     */
    public CandleReplay(CandleTopology topology, AggregateSettings settings, Path stateDir) {
        if (!settings.closeByWallClock()) {
            throw new IllegalArgumentException("A replay closes the last windows by advancing the wall clock: closeByWallClock must be true");
        }
        this.topology = topology;
        this.settings = settings;
        this.stateDir = stateDir;
    }

    /** Pipes every trade, keyed by its symbol and stamped with its trade time, and hands each final candle to the sink. */
    public ReplayResult run(Iterator<Trade> trades, CandleSink sink) throws IOException {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.build(settings), properties(), Instant.EPOCH);
             AvroSerde<Trade> tradeSerde = AvroSerde.forClass(Trade.class, settings.serdeConfig(), false);
             AvroSerde<Candle> candleSerde = AvroSerde.forClass(Candle.class, settings.serdeConfig(), false)) {
            TestInputTopic<String, Trade> input = driver.createInputTopic(settings.topics().trades().name(),
                    new StringSerializer(), tradeSerde.serializer());
            Map<CandleInterval, OutputTopic<Candle>> outputs = new LinkedHashMap<>();
            Map<CandleInterval, Long> counts = new LinkedHashMap<>();
            for (CandleInterval interval : settings.topics().candleIntervals()) {
                String topic = settings.topics().candles(interval).name();
                outputs.put(interval, new OutputTopic<>(topic, driver.createOutputTopic(topic, new StringDeserializer(), candleSerde.deserializer())));
                counts.put(interval, 0L);
            }
            OutputTopic<Trade> late = new OutputTopic<>(settings.topics().tradesLate().name(),
                    driver.createOutputTopic(settings.topics().tradesLate().name(), new StringDeserializer(), tradeSerde.deserializer()));

            long piped = 0;
            long lateTrades = 0;
            long maxTradeTime = Long.MIN_VALUE;
            while (trades.hasNext()) {
                Trade trade = trades.next();
                input.pipeInput(trade.getSymbol(), trade, trade.getTradeTime());
                maxTradeTime = Math.max(maxTradeTime, trade.getTradeTime().toEpochMilli());
                if (++piped % DRAIN_EVERY == 0) {
                    drain(driver, outputs, counts, sink);
                    lateTrades += drainLate(driver, late);
                }
            }
            if (piped > 0) {
                driver.advanceWallClockTime(Duration.ofMillis(endOfDataWallClock(maxTradeTime)));
            }
            drain(driver, outputs, counts, sink);
            lateTrades += drainLate(driver, late);
            return new ReplayResult(piped, counts, lateTrades);
        }
    }

    /** Where the wall clock goes after the last trade: end of that trade's 1-minute window plus the grace. */
    long endOfDataWallClock(long lastTradeTime) {
        long minute = CandleInterval.ONE_MINUTE.length().toMillis();
        long lastWindowEnd = Math.floorDiv(lastTradeTime, minute) * minute + minute;
        return lastWindowEnd + settings.grace().toMillis();
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest.invalid:9092");
        properties.putAll(topology.streamsOverrides(settings));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return properties;
    }

    private static void drain(TopologyTestDriver driver, Map<CandleInterval, OutputTopic<Candle>> outputs, Map<CandleInterval, Long> counts,
                              CandleSink sink) throws IOException {
        for (Map.Entry<CandleInterval, OutputTopic<Candle>> output : outputs.entrySet()) {
            TestOutputTopic<String, Candle> topic = output.getValue().ifProduced(driver);
            while (topic != null && !topic.isEmpty()) {
                sink.accept(output.getKey(), topic.readValue());
                counts.merge(output.getKey(), 1L, Long::sum);
            }
        }
    }

    private static long drainLate(TopologyTestDriver driver, OutputTopic<Trade> late) {
        TestOutputTopic<String, Trade> topic = late.ifProduced(driver);
        long count = 0;
        while (topic != null && !topic.isEmpty()) {
            topic.readValue();
            count++;
        }
        return count;
    }

    /** An output topic, read only once the topology has written to it (the driver warns about reading others). */
    private record OutputTopic<V>(String name, TestOutputTopic<String, V> topic) {
        TestOutputTopic<String, V> ifProduced(TopologyTestDriver driver) {
            return driver.producedTopicNames().contains(name) ? topic : null;
        }
    }
}
