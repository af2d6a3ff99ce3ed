package dev.tickflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.aggregate.AggregateTopology;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.serde.MockSchemaRegistry;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DSL reference gives the same 1-minute candles as Tickflow's topology, so the ladder compares like with like. */
class DslCandleTopologyTest {
    private static final long MINUTE_0 = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final String DSL_CANDLES = "md.candles.1m.bench-dsl";

    private final String scope = "dsl-candles-" + System.nanoTime();
    private final AggregateSettings settings = settings(scope);

    @TempDir
    Path stateDirs;

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    private static AggregateSettings settings(String scope) {
        TickflowConfig config = TickflowConfig.load(Optional.empty(), Map.of(
                "TICKFLOW_SCHEMA_REGISTRY_URL", "mock://" + scope,
                "TICKFLOW_CANDLES_INTERVALS", "1m"), AggregateSettings.definition());
        return new AggregateSettings(TopicCatalog.from(config), GRACE, config.serdeProperties());
    }

    @Test
    void givesTheSameOneMinuteCandlesAsTickflow() throws IOException {
        List<Trade> trades = trades();
        String tradesTopic = settings.topics().trades().name();

        List<Candle> tickflow = run(AggregateTopology.build(settings), trades, settings.topics().candles(CandleInterval.ONE_MINUTE).name());
        List<Candle> dsl = run(DslCandleTopology.build(tradesTopic, DSL_CANDLES, GRACE, settings.serdeConfig()), trades, DSL_CANDLES);

        // minutes 0..2 of every symbol closed; the last trade's minute is still open in both
        List<Candle> closedTickflow = tickflow.stream().filter(c -> c.getOpenTime().toEpochMilli() < MINUTE_0 + 180_000)
                .sorted(ORDER).toList();
        assertThat(closedTickflow).hasSize(9).noneMatch(Candle::getFilled);
        assertThat(dsl.stream().sorted(ORDER).toList()).isEqualTo(closedTickflow);
        Candle btcMinute1 = closedTickflow.stream()
                .filter(c -> c.getSymbol().equals("BTCUSDT") && c.getOpenTime().toEpochMilli() == MINUTE_0 + 60_000).findFirst().orElseThrow();
        assertThat(btcMinute1.getTradeCount()).isGreaterThan(20);
        assertThat(btcMinute1.getHigh()).isGreaterThan(btcMinute1.getLow());
    }

    private static final Comparator<Candle> ORDER = Comparator.comparing(Candle::getSymbol).thenComparing(Candle::getOpenTime);

    private List<Candle> run(Topology topology, List<Trade> trades, String candlesTopic) throws IOException {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "dsl-candles-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(stateDirs, "state").toString());
        properties.putAll(AggregateTopology.streamsOverrides(settings));
        AvroSerde<Trade> tradeSerde = AvroSerde.forClass(Trade.class, settings.serdeConfig(), false);
        AvroSerde<Candle> candleSerde = AvroSerde.forClass(Candle.class, settings.serdeConfig(), false);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties, Instant.EPOCH)) {
            TestInputTopic<String, Trade> input = driver.createInputTopic(settings.topics().trades().name(), new StringSerializer(),
                    tradeSerde.serializer());
            trades.forEach(trade -> input.pipeInput(trade.getSymbol(), trade, trade.getTradeTime()));
            return driver.createOutputTopic(candlesTopic, new StringDeserializer(), candleSerde.deserializer()).readValuesToList();
        }
    }

    /**
     * Three symbols over three minutes, in a shuffled order within a few seconds (so open and close must follow the trade
     * times, not the arrival), both taker sides and several raw trades per aggregate; then one
     * trade past minute 3 plus the grace closes the three minutes.
     */
    private static List<Trade> trades() {
        Random random = new Random(42);
        List<Trade> trades = new ArrayList<>();
        long id = 1;
        for (int minute = 0; minute < 3; minute++) {
            for (String symbol : List.of("BTCUSDT", "ETHUSDT", "XRPUSDT")) {
                for (int i = 0; i < 25; i++) {
                    long time = MINUTE_0 + minute * 60_000L + i * 2_000L + (i % 5 == 0 ? 0 : random.nextInt(1_000));
                    BigDecimal price = new BigDecimal(20_000 + random.nextInt(500)).add(new BigDecimal(random.nextInt(1_000_000)).movePointLeft(8));
                    BigDecimal quantity = new BigDecimal(1 + random.nextInt(5_000_000)).movePointLeft(8);
                    trades.add(trade(symbol, id++, time, price, quantity, random.nextBoolean(), 1 + random.nextInt(3)));
                }
            }
        }
        List<Trade> shuffled = new ArrayList<>();
        for (int start = 0; start < trades.size(); start += 5) {
            List<Trade> chunk = new ArrayList<>(trades.subList(start, Math.min(trades.size(), start + 5)));
            Collections.shuffle(chunk, random);
            shuffled.addAll(chunk);
        }
        shuffled.add(trade("BTCUSDT", id, MINUTE_0 + 4 * 60_000L + 10_000, new BigDecimal("20000.00000000"),
                new BigDecimal("0.00100000"), true, 1));
        return shuffled;
    }

    private static Trade trade(String symbol, long id, long time, BigDecimal price, BigDecimal quantity, boolean buyerIsMaker, int raw) {
        return Trade.newBuilder()
                .setExchange("simulator")
                .setSymbol(symbol)
                .setTradeId(id)
                .setFirstTradeId(id * 10)
                .setLastTradeId(id * 10 + raw - 1)
                .setPrice(price.setScale(8))
                .setQuantity(quantity.setScale(8))
                .setTradeTime(Instant.ofEpochMilli(time))
                .setBuyerIsMaker(buyerIsMaker)
                .setEventTime(Instant.ofEpochMilli(time))
                .setIngestTime(Instant.ofEpochMilli(time))
                .build();
    }
}
