package dev.tickflow.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.Watermarks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs trades through a candle topology in a {@link TopologyTestDriver}: no broker, records go through the
 * real serdes. Windows close by stream time (the trades' times); after the last trade a source watermark at the end
 * of the last trade's minute plus the grace closes (and emits) the last minute, as ingest's final watermark does at
 * the end of a replay. A rolled-up interval whose window is still incomplete at that point is not emitted. The
 * reference of {@link TopologyEngine}.
 */
public final class CandleReplay implements BacktestEngine.Candles {
    static final String APPLICATION_ID = "tickflow-backtest";
    /**
     * The driver keeps every record the topology produces, changelogs included, until it is read: it is read
     * this often, so memory stays flat however long the input.
     */
    private static final int DRAIN_EVERY = 4096;

    private final CandleTopology topology;
    private final AggregateSettings settings;
    private final Path stateDir;
    private long internalRecordsDiscarded;

    /**
     * @param settings the topology's settings; the serde config usually names a {@code mock://} registry
     * @param stateDir an empty directory for the topology's state stores
     */
    public CandleReplay(CandleTopology topology, AggregateSettings settings, Path stateDir) {
        this.topology = topology;
        this.settings = settings;
        this.stateDir = stateDir;
    }

    /** Pipes every trade, keyed by its symbol and stamped with its trade time, and hands each final candle to the sink. */
    @Override
    public ReplayResult run(Iterator<Trade> trades, CandleSink sink) throws IOException {
        try (TopologyTestDriver driver = new TopologyTestDriver(buildTopology(), properties(), Instant.EPOCH);
             AvroSerde<Trade> tradeSerde = AvroSerde.forClass(Trade.class, settings.serdeConfig(), false);
             AvroSerde<Candle> candleSerde = AvroSerde.forClass(Candle.class, settings.serdeConfig(), false)) {
            TestInputTopic<String, Trade> input = driver.createInputTopic(settings.topics().trades().name(),
                    new StringSerializer(), tradeSerde.serializer());
            ReplayOutputs outputs = new ReplayOutputs(driver, settings.topics(), candleSerde.deserializer(), sink);
            long piped = 0;
            long maxTradeTime = Long.MIN_VALUE;
            long closable = Long.MIN_VALUE;
            while (trades.hasNext()) {
                Trade trade = trades.next();
                input.pipeInput(trade.getSymbol(), trade, trade.getTradeTime());
                maxTradeTime = Math.max(maxTradeTime, trade.getTradeTime().toEpochMilli());
                long nowClosable = closableWindows(maxTradeTime);
                if (++piped % DRAIN_EVERY == 0 || nowClosable != closable) {
                    outputs.drain();
                }
                closable = nowClosable;
            }
            if (piped > 0) {
                long endOfData = endOfDataWatermark(maxTradeTime);
                ProducerRecord<byte[], byte[]> watermark = Watermarks.record(settings.topics().trades().name(), 0, endOfData);
                driver.createInputTopic(settings.topics().trades().name(), new ByteArraySerializer(), new ByteArraySerializer())
                        .pipeInput(new TestRecord<>(null, null, watermark.headers(), Instant.ofEpochMilli(endOfData)));
            }
            outputs.drain();
            internalRecordsDiscarded = outputs.discarded();
            return new ReplayResult(piped, outputs.candleCounts(), outputs.lateTrades());
        }
    }

    /** Records of the last run the driver kept for other topics (changelogs, repartition topics), dropped as they came. */
    long internalRecordsDiscarded() {
        return internalRecordsDiscarded;
    }

    /**
     * A count that changes whenever stream time passes a window's end plus the grace (at or just after it): the candles
     * are then read at once, so that the strategies, and the executor with their signals, see them before the next
     * trade, as live. Otherwise the captured output is read every {@value #DRAIN_EVERY} trades.
     */
    long closableWindows(long streamTime) {
        long minute = CandleInterval.ONE_MINUTE.length().toMillis();
        long sinceGrace = streamTime - settings.grace().toMillis();
        return Math.floorDiv(sinceGrace, minute) * 2 + (Math.floorMod(sinceGrace, minute) == 0 ? 0 : 1);
    }

    /** The watermark after the last trade: end of that trade's 1-minute window plus the grace. */
    long endOfDataWatermark(long lastTradeTime) {
        return TradeAggregation.endOfData(lastTradeTime, settings.grace());
    }

    private Topology buildTopology() {
        try {
            return topology.build(settings);
        } catch (UnsupportedOperationException e) {
            throw new BacktestException("The candle topology is not available in this build: " + e.getMessage(), e);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest.invalid:9092");
        // Kafka 5.0's default; without it Streams 4.x warns at every start (the constant is already deprecated)
        properties.put("processing.exception.handler.global.enabled", true);
        properties.putAll(topology.streamsOverrides(settings));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return properties;
    }
}
