package dev.tickflow.backtest;

import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.ExecutorTopology;
import dev.tickflow.executor.Venues;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Runs signals and trades through the executor service's own topology ({@link ExecutorTopology#build}) with the paper
 * venue, in a {@link TopologyTestDriver}, and hands each order event and fill to the sink in the order the topology
 * emits them. The paper venue's outputs depend on the event times of its inputs only (see docs/executor.md), so they
 * equal the live service's for the same signals and trades. The reference of {@link TopologyEngine}.
 */
public final class ExecutorReplay implements BacktestEngine.Executor {
    static final String APPLICATION_ID = "tickflow-backtest-executor";

    private final ExecutorSettings settings;
    private final ExecutionSink sink;
    private final TopologyTestDriver driver;
    private final AvroSerde<Signal> signalSerde;
    private final AvroSerde<Trade> tradeSerde;
    private final AvroSerde<OrderEvent> orderSerde;
    private final AvroSerde<Fill> fillSerde;
    private final TestInputTopic<String, Signal> signals;
    private final TestInputTopic<String, Trade> trades;
    private final TestOutputTopic<String, OrderEvent> orders;
    private final TestOutputTopic<String, Fill> fills;
    private final Map<String, TestOutputTopic<byte[], byte[]>> otherTopics = new HashMap<>();

    /**
     * @param settings the executor settings (paper venue); the serde config usually names the run's {@code mock://} registry
     * @param stateDir an empty directory for the topology's state stores
     */
    public ExecutorReplay(ExecutorSettings settings, Path stateDir, ExecutionSink sink) {
        this.settings = settings;
        this.sink = sink;
        this.driver = new TopologyTestDriver(ExecutorTopology.build(settings, Venues.simulated(settings)), properties(settings, stateDir),
                Instant.EPOCH);
        this.signalSerde = AvroSerde.forClass(Signal.class, settings.serdeConfig(), false);
        this.tradeSerde = AvroSerde.forClass(Trade.class, settings.serdeConfig(), false);
        this.orderSerde = AvroSerde.forClass(OrderEvent.class, settings.serdeConfig(), false);
        this.fillSerde = AvroSerde.forClass(Fill.class, settings.serdeConfig(), false);
        this.signals = driver.createInputTopic(settings.topics().signals().name(), new StringSerializer(), signalSerde.serializer());
        this.trades = driver.createInputTopic(settings.topics().trades().name(), new StringSerializer(), tradeSerde.serializer());
        this.orders = driver.createOutputTopic(settings.topics().orders().name(), new StringDeserializer(), orderSerde.deserializer());
        this.fills = driver.createOutputTopic(settings.topics().fills().name(), new StringDeserializer(), fillSerde.deserializer());
    }

    /** Pipes one trade, keyed by symbol and stamped with its trade time; returns the fills of resting orders it caused. */
    @Override
    public List<Fill> trade(Trade trade) throws IOException {
        trades.pipeInput(trade.getSymbol(), trade, trade.getTradeTime());
        return drain();
    }

    /** Pipes one signal, keyed by symbol and stamped with its time; returns the fills it caused, in order. */
    @Override
    public List<Fill> signal(Signal signal) throws IOException {
        signals.pipeInput(signal.getSymbol(), signal, signal.getCreatedAt());
        return drain();
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            signalSerde.close();
            tradeSerde.close();
            orderSerde.close();
            fillSerde.close();
        }
    }

    /** Fills first, then order events (two files: the sink can give each order event the fees of its fills). */
    private List<Fill> drain() throws IOException {
        List<Fill> produced = new ArrayList<>();
        String orderTopic = settings.topics().orders().name();
        String fillTopic = settings.topics().fills().name();
        while (!fills.isEmpty()) {
            Fill fill = fills.readValue();
            produced.add(fill);
            sink.fill(fill);
        }
        while (!orders.isEmpty()) {
            sink.order(orders.readValue());
        }
        for (String name : driver.producedTopicNames()) {
            if (!name.equals(orderTopic) && !name.equals(fillTopic)) {
                TestOutputTopic<byte[], byte[]> topic = otherTopics.computeIfAbsent(name,
                        n -> driver.createOutputTopic(n, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
                while (!topic.isEmpty()) {
                    topic.readRecord();
                }
            }
        }
        return produced;
    }

    private static Properties properties(ExecutorSettings settings, Path stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest.invalid:9092");
        properties.put("processing.exception.handler.global.enabled", true);
        properties.putAll(ExecutorTopology.streamsOverrides(settings));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return properties;
    }
}
