package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.StrategyTopology;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs candles through the strategy service's own topology ({@link StrategyTopology#build}) in a
 * {@link TopologyTestDriver}, one candle at a time as they come (from klines or straight from the candle replay),
 * and hands each indicator snapshot and signal to the sink. Everything the driver captured is read after every
 * candle, so memory stays flat. The executor's fills are piped back ({@link #fill}) as oms.fills, as live. The
 * reference of {@link TopologyEngine}.
 */
public final class StrategyReplay implements BacktestEngine.Strategies {
    static final String APPLICATION_ID = "tickflow-backtest-strategy";

    private final StrategySettings settings;
    private final StrategySink sink;
    private final TopologyTestDriver driver;
    private final AvroSerde<Candle> candleSerde;
    private final AvroSerde<IndicatorSnapshot> indicatorSerde;
    private final AvroSerde<Signal> signalSerde;
    private final AvroSerde<Fill> fillSerde;
    private final TestInputTopic<String, Candle> candles;
    private final TestInputTopic<String, Fill> fills;
    private final TestOutputTopic<String, IndicatorSnapshot> indicators;
    private final TestOutputTopic<String, Signal> signals;
    private final Map<String, TestOutputTopic<byte[], byte[]>> otherTopics = new HashMap<>();
    private final Map<String, Long> signalCounts = new LinkedHashMap<>();
    private long candlesPiped;
    private long internalRecordsDiscarded;

    /**
     * @param settings the strategy settings; the serde config usually names the run's {@code mock://} registry
     * @param stateDir an empty directory for the topology's state store
     */
    public StrategyReplay(StrategySettings settings, Path stateDir, StrategySink sink) {
        this.settings = settings;
        this.sink = sink;
        this.driver = new TopologyTestDriver(StrategyTopology.build(settings), properties(settings, stateDir), Instant.EPOCH);
        this.candleSerde = AvroSerde.forClass(Candle.class, settings.serdeConfig(), false);
        this.indicatorSerde = AvroSerde.forClass(IndicatorSnapshot.class, settings.serdeConfig(), false);
        this.signalSerde = AvroSerde.forClass(Signal.class, settings.serdeConfig(), false);
        this.fillSerde = AvroSerde.forClass(Fill.class, settings.serdeConfig(), false);
        this.fills = driver.createInputTopic(settings.topics().fills().name(), new StringSerializer(), fillSerde.serializer());
        this.candles = driver.createInputTopic(settings.topics().candles(settings.interval()).name(), new StringSerializer(),
                candleSerde.serializer());
        this.indicators = driver.createOutputTopic(settings.topics().indicators().name(), new StringDeserializer(),
                indicatorSerde.deserializer());
        this.signals = driver.createOutputTopic(settings.topics().signals().name(), new StringDeserializer(), signalSerde.deserializer());
        for (StrategyInstance instance : settings.instances()) {
            signalCounts.put(instance.name(), 0L);
        }
    }

    /** Whether the strategies run on candles of this interval (others are not for them). */
    public boolean runsOn(String interval) {
        return settings.interval().name().equals(interval);
    }

    /** Pipes one candle, keyed by symbol and stamped with its close time, and delivers what it produced. */
    @Override
    public void accept(Candle candle) throws IOException {
        candles.pipeInput(candle.getSymbol(), candle, candle.getCloseTime());
        candlesPiped++;
        drain();
    }

    /** Pipes one fill of the executor, keyed by symbol and stamped with its trade time (entry prices for stop losses). */
    @Override
    public void fill(Fill fill) throws IOException {
        fills.pipeInput(fill.getSymbol(), fill, fill.getTradeTime());
        drain();
    }

    public long candles() {
        return candlesPiped;
    }

    /** Signals per instance, in the configured order of the instances. */
    public Map<String, Long> signalCounts() {
        return new LinkedHashMap<>(signalCounts);
    }

    /** Records the driver kept for other topics (the state store's changelog), dropped as they came. */
    long internalRecordsDiscarded() {
        return internalRecordsDiscarded;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            candleSerde.close();
            indicatorSerde.close();
            signalSerde.close();
            fillSerde.close();
        }
    }

    private void drain() throws IOException {
        String indicatorTopic = settings.topics().indicators().name();
        String signalTopic = settings.topics().signals().name();
        for (String name : driver.producedTopicNames()) {
            if (name.equals(indicatorTopic)) {
                while (!indicators.isEmpty()) {
                    sink.indicators(indicators.readValue());
                }
            } else if (name.equals(signalTopic)) {
                while (!signals.isEmpty()) {
                    Signal signal = signals.readValue();
                    signalCounts.merge(signal.getStrategyInstance(), 1L, Long::sum);
                    sink.signal(signal);
                }
            } else {
                TestOutputTopic<byte[], byte[]> topic = otherTopics.computeIfAbsent(name,
                        n -> driver.createOutputTopic(n, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
                while (!topic.isEmpty()) {
                    topic.readRecord();
                    internalRecordsDiscarded++;
                }
            }
        }
    }

    private static Properties properties(StrategySettings settings, Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest.invalid:9092");
        properties.put("processing.exception.handler.global.enabled", true);
        properties.putAll(StrategyTopology.streamsOverrides(settings));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return properties;
    }
}
