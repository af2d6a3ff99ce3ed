package dev.tickflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.aggregate.AggregateApp;
import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.backtest.BacktestRequest;
import dev.tickflow.backtest.BacktestRunner;
import dev.tickflow.backtest.CsvRowWriter;
import dev.tickflow.backtest.FillCsvWriter;
import dev.tickflow.backtest.OrderCsvWriter;
import dev.tickflow.backtest.SignalCsvWriter;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorApp;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.strategy.StrategyApp;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity: the same trades through {@code tickflow backtest} (the services' domain code on one thread) and through the live
 * aggregate, strategy and executor (paper broker) services on a real broker and registry with exactly_once_v2 give
 * identical signals, orders and fills, every field written to signals.csv, orders.csv and fills.csv compared as text.
 *
 * <p>Not compared: the Avro fields the CSV files leave out, {@code OrderEvent.exchangeOrderId}/{@code Fill.exchangeOrderId}
 * ({@code paper-<clientOrderId>}, derived from a compared field) and {@code OrderEvent.broker} (always {@code paper}),
 * and oms.positions, whose marks depend on which trades arrive after a fill (docs/executor.md). The minute of the
 * script's closing trade is not compared either: the backtest closes it at the end of its data; live, only a later
 * trade past its grace would.
 */
@WithKafka
@WithSchemaRegistry
class BacktestParityIT {
    private static final int PARTITIONS = 3;
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    private static final Map<String, BigDecimal> START_PRICES = Map.of("BTCUSDT", new BigDecimal("60000"), "ETHUSDT", new BigDecimal("3000"));
    /**
     * Recent trade times: the broker rolls and deletes log segments by record timestamp (7 days by default), so records
     * stamped years ago (trades, and the orders and fills stamped with their signal's time) could vanish mid-test.
     */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    private static final int MINUTES = 48;
    private static final int TRADES_PER_MINUTE = 12;
    private static final long GRACE_MS = 1000;

    @TempDir
    Path dir;

    @Test
    void theBacktestAndTheLiveServicesGiveTheSameSignalsOrdersAndFills(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics)
            throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TICKFLOW_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("TICKFLOW_SCHEMA_REGISTRY_URL", registry.confluentApiUrl());
        env.put("TICKFLOW_HTTP_PORT", "0");
        env.put("TICKFLOW_SHUTDOWN_TIMEOUT_MS", "10000");
        env.put("TICKFLOW_CANDLES_INTERVALS", "1m");
        env.put("TICKFLOW_AGGREGATE_GRACE_MS", Long.toString(GRACE_MS));
        env.put("TICKFLOW_TOPIC_MD_TRADES_NAME", topics.create("md.trades", PARTITIONS));
        env.put("TICKFLOW_TOPIC_MD_TRADES_LATE_NAME", topics.create("md.trades.late", PARTITIONS));
        env.put("TICKFLOW_TOPIC_MD_TRADES_DLQ_NAME", topics.create("md.trades.dlq", PARTITIONS));
        env.put("TICKFLOW_TOPIC_MD_CANDLES_1M_NAME", topics.create("md.candles.1m", PARTITIONS));
        env.put("TICKFLOW_TOPIC_STRATEGY_SIGNALS_NAME", topics.create("strategy.signals", PARTITIONS));
        env.put("TICKFLOW_TOPIC_STRATEGY_INDICATORS_NAME", topics.create("strategy.indicators", PARTITIONS));
        env.put("TICKFLOW_TOPIC_OMS_ORDERS_NAME", topics.create("oms.orders", PARTITIONS));
        env.put("TICKFLOW_TOPIC_OMS_FILLS_NAME", topics.create("oms.fills", PARTITIONS));
        env.put("TICKFLOW_TOPIC_OMS_POSITIONS_NAME", topics.create("oms.positions", PARTITIONS));
        env.put("TICKFLOW_TOPIC_CONTROL_OPERATOR_NAME", topics.create("control.operator", 1));
        env.put("TICKFLOW_TOPIC_OPS_EVENTS_NAME", topics.create("ops.events", PARTITIONS));
        TickflowConfig aggregateConfig = config(env, topics.name("aggregate"), "aggregate", AggregateSettings.definition());
        TickflowConfig strategyConfig = config(env, topics.name("strategy"), "strategy", StrategySettings.definition());
        TickflowConfig executorConfig = config(env, topics.name("executor"), "executor", ExecutorSettings.definition());
        StrategySettings strategies = StrategySettings.from(strategyConfig);
        ExecutorSettings execution = ExecutorSettings.from(executorConfig);

        Map<String, Path> tradeFiles = new LinkedHashMap<>();
        for (String symbol : SYMBOLS) {
            tradeFiles.put(symbol, writeAggTrades(symbol));
        }
        long lastComparedOpenTime = START.plusSeconds(60L * (MINUTES - 1)).toEpochMilli();

        Map<String, Expected> expected = new LinkedHashMap<>();
        for (String symbol : SYMBOLS) {
            Path out = dir.resolve("backtest-" + symbol);
            new BacktestRunner(new PrintWriter(new StringWriter())).run(new BacktestRequest(
                    BacktestRequest.Input.TRADES, List.of(tradeFiles.get(symbol)), symbol, out, TopicCatalog.defaults(),
                    Duration.ofMillis(GRACE_MS), MalformedLinePolicy.FAIL, Duration.ofHours(1), strategies, execution,
                    new Account(new BigDecimal("10000"), execution.paperFeeRate())));
            expected.put(symbol, new Expected(
                    before(rows(out.resolve("signals.csv")), 2, lastComparedOpenTime),
                    before(rows(out.resolve("orders.csv")), 2, lastComparedOpenTime + 59_999),
                    before(rows(out.resolve("fills.csv")), 2, lastComparedOpenTime + 59_999)));
        }
        int signalCount = expected.values().stream().mapToInt(e -> e.signals.size()).sum();
        int orderCount = expected.values().stream().mapToInt(e -> e.orders.size()).sum();
        int fillCount = expected.values().stream().mapToInt(e -> e.fills.size()).sum();
        assertThat(signalCount).as("the script makes both instances trade several times on each symbol").isGreaterThanOrEqualTo(4 * SYMBOLS.size());
        assertThat(fillCount).isPositive();

        StringWriter output = new StringWriter();
        PrintWriter log = new PrintWriter(output, true);
        try (StreamsService aggregate = new StreamsService(new AggregateApp(), aggregateConfig, log, log);
             StreamsService strategy = new StreamsService(new StrategyApp(), strategyConfig, log, log);
             StreamsService executor = new StreamsService(new ExecutorApp(), executorConfig, log, log)) {
            for (StreamsService service : List.of(aggregate, strategy, executor)) {
                service.start();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> aggregate.state() == KafkaStreams.State.RUNNING
                    && strategy.state() == KafkaStreams.State.RUNNING && executor.state() == KafkaStreams.State.RUNNING);

            List<Trade> trades = new ArrayList<>();
            for (String symbol : SYMBOLS) {
                try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(tradeFiles.get(symbol)), symbol, MalformedLinePolicy.FAIL)) {
                    reader.forEachRemaining(trades::add);
                }
            }
            // in trade-time order across the symbols, as a market publishes them (symbols may share a partition, and so a stream time)
            trades.sort(Comparator.comparing(Trade::getTradeTime));
            produce(broker, registry, env.get("TICKFLOW_TOPIC_MD_TRADES_NAME"), trades);

            List<Signal> signals = read(broker, registry, env.get("TICKFLOW_TOPIC_STRATEGY_SIGNALS_NAME"), Signal.class,
                    read -> read.size() >= signalCount);
            List<Fill> fills = read(broker, registry, env.get("TICKFLOW_TOPIC_OMS_FILLS_NAME"), Fill.class, read -> read.size() >= fillCount);
            List<OrderEvent> orders = read(broker, registry, env.get("TICKFLOW_TOPIC_OMS_ORDERS_NAME"), OrderEvent.class,
                    read -> read.size() >= orderCount);

            Map<String, BigDecimal> feesByOrder = new HashMap<>();
            for (String symbol : SYMBOLS) {
                Expected backtest = expected.get(symbol);
                List<String> liveSignals = lines(writer -> new SignalCsvWriter(writer),
                        signals.stream().filter(s -> s.getSymbol().equals(symbol)).toList());
                List<Fill> ownFills = fills.stream().filter(f -> f.getSymbol().equals(symbol)).toList();
                ownFills.forEach(fill -> feesByOrder.merge(fill.getClientOrderId(), fill.getCommission(), BigDecimal::add));
                List<String> liveFills = lines(writer -> new FillCsvWriter(writer), ownFills);
                List<String> liveOrders = lines(writer -> new OrderCsvWriter(writer), orders.stream().filter(o -> o.getSymbol().equals(symbol))
                        .map(order -> new OrderCsvWriter.Row(order, feesByOrder.get(order.getClientOrderId()))).toList());
                assertThat(liveSignals).as("signals of %s", symbol).containsExactlyElementsOf(backtest.signals);
                assertThat(liveOrders).as("orders of %s", symbol).containsExactlyElementsOf(backtest.orders);
                assertThat(liveFills).as("fills of %s", symbol).containsExactlyElementsOf(backtest.fills);
            }
        }
    }

    private record Expected(List<String> signals, List<String> orders, List<String> fills) {
    }

    private TickflowConfig config(Map<String, String> env, String applicationId, String service, ConfigDef definition) {
        Map<String, String> own = new LinkedHashMap<>(env);
        own.put("TICKFLOW_APPLICATION_ID", applicationId);
        own.put("TICKFLOW_STATE_DIR", dir.resolve("state-" + service).toString());
        return TickflowConfig.load(Optional.empty(), own, definition);
    }

    /**
     * A symbol's aggTrades: a sine wave of period 12 minutes (2% amplitude) with a small saw inside each minute, so the
     * default instances' SMA and EMA cross several times; then one trade past the last minute's grace that closes it.
     */
    private Path writeAggTrades(String symbol) throws IOException {
        Path file = dir.resolve(symbol + "-aggTrades-parity.csv");
        BigDecimal base = START_PRICES.get(symbol);
        long id = 1;
        try (Writer writer = Files.newBufferedWriter(file)) {
            for (int minute = 0; minute < MINUTES; minute++) {
                for (int i = 0; i < TRADES_PER_MINUTE; i++) {
                    double wave = 0.02 * Math.sin(2 * Math.PI * (minute + i / (double) TRADES_PER_MINUTE) / 12.0) + 0.0005 * (i % 3);
                    BigDecimal price = base.multiply(BigDecimal.valueOf(1 + wave)).setScale(2, RoundingMode.HALF_EVEN);
                    long time = START.plusSeconds(60L * minute + i * (60L / TRADES_PER_MINUTE)).toEpochMilli();
                    writer.write(id + "," + price.toPlainString() + ",0.5," + id + "," + id + "," + time + "," + (i % 2 == 0 ? "True" : "False")
                            + ",True\n");
                    id++;
                }
            }
            long closing = START.plusSeconds(60L * MINUTES).toEpochMilli() + GRACE_MS + 1000;
            writer.write(id + "," + base.toPlainString() + ",0.5," + id + "," + id + "," + closing + ",True,True\n");
        }
        return file;
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }

    /** The rows whose time column is at most {@code last}, joined back to lines. */
    private static List<String> before(List<String[]> rows, int timeColumn, long last) {
        return rows.stream().filter(row -> Long.parseLong(row[timeColumn]) <= last).map(row -> String.join(",", row)).toList();
    }

    private interface WriterFactory<T> {
        CsvRowWriter<T> open(Writer writer) throws IOException;
    }

    /** The live records as the backtest writes them (the same writers), without the header. */
    private static <T> List<String> lines(WriterFactory<T> factory, List<T> records) throws IOException {
        StringWriter text = new StringWriter();
        try (CsvRowWriter<T> writer = factory.open(text)) {
            for (T record : records) {
                writer.write(record);
            }
        }
        List<String> lines = text.toString().lines().toList();
        return lines.subList(1, lines.size());
    }

    private static void produce(KafkaBroker broker, ApicurioRegistry registry, String topic, List<Trade> trades) {
        AvroSerializer<Trade> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.confluentApiUrl()), false);
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Trade> producer = new KafkaProducer<>(properties, new StringSerializer(), serializer)) {
            for (Trade trade : trades) {
                producer.send(new ProducerRecord<>(topic, null, trade.getTradeTime().toEpochMilli(), trade.getSymbol(), trade));
            }
            producer.flush();
        }
    }

    /** Reads a topic from the beginning, read_committed, until {@code done} holds and 3 s more passed (to catch extra records), or 120 s. */
    private static <T> List<T> read(KafkaBroker broker, ApicurioRegistry registry, String topic, Class<T> type, Predicate<List<T>> done) {
        return CommittedReader.read(broker.bootstrapServers(), registry.confluentApiUrl(), topic, PARTITIONS, type, done,
                Duration.ofSeconds(120), Duration.ofSeconds(3));
    }
}
