package dev.tickflow.bench;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.aggregate.AggregateTopology;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.ExecutorTopology;
import dev.tickflow.executor.Venues;
import dev.tickflow.executor.engine.SimulatedVenue;
import dev.tickflow.runtime.StreamsProperties;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.StrategyTopology;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.HopStamps;
import dev.tickflow.topics.TopicCatalog;
import dev.tickflow.topics.TopicProvisioner;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Close-to-order latency in the live pipeline: the aggregate, strategy and executor topologies in KafkaStreams on the
 * bench's broker, as the services run them (their defaults through {@link TickflowConfig}: exactly_once_v2, the
 * aggregation closing windows by event time, each service's latency defaults), fed in real time, a trade of every symbol every
 * {@value #TRADE_EVERY_MS} ms, the symbols spread evenly over that period as a market's trades are (so the trades themselves
 * carry the clock, as ingest's watermarks would), with a zigzag market (every symbol
 * alternates between two prices minute by minute) and instances whose SMA(2) and EMA(2) cross on every candle, so each
 * symbol gives a signal, and an order, every minute. The latency of an order is the wall-clock time it reaches the
 * paper broker ({@link PlacementClock}) minus the end of its candle's minute plus the grace: the moment the candle
 * could close at the earliest. Three minutes of history are fed first, quickly, to warm the indicators up; orders of
 * those candles, and of the first two real-time minutes (warm-up), are not counted. The order events' hop stamps ({@link HopStamps}) then split that time per hop.
 */
final class LatencyBench {
    static final String SYMBOL_FORMAT = "LAT%03dUSDT";
    private static final long MINUTE_MS = 60_000;
    private static final int WARM_UP_MINUTES = 3;
    /**
     * Real-time minutes not counted either, only shown: in the services' first three minutes the signal path, which runs a
     * few dozen times a minute, is still being compiled (2-5 times slower on a quiet machine), and the bench reports the
     * steady state (docs/performance.md, "Close-to-order per hop").
     */
    private static final int REAL_TIME_WARM_UP_MINUTES = 2;
    private static final long TRADE_EVERY_MS = 250;
    private static final String PREFIX = "tickflow-bench-latency-";
    /** How long after the last measured candle could close its orders may still come (slow ones must not be cut off). */
    private static final long SETTLE_MS = 15_000;

    record Result(int orders, double p50Ms, double p99Ms, double maxMs, Map<Instant, Percentiles> byMinute, Instant measuredFrom,
                  Map<HopStamps.Hop, Percentiles> hops) {
        Result withHops(Map<HopStamps.Hop, Percentiles> measured) {
            return new Result(orders, p50Ms, p99Ms, maxMs, byMinute, measuredFrom, measured);
        }

        /** Close-to-order per real-time minute (by its candle's end, UTC), the warm-up minutes marked: they are not in the totals. */
        String byMinuteLine() {
            StringBuilder line = new StringBuilder();
            byMinute.forEach((minute, figures) -> line.append(String.format(Locale.ROOT, "%s%s%s p50 %.0f ms max %.0f ms (%d)", line.isEmpty() ? "" : ", ",
                    minute.toString().substring(11, 16), minute.isBefore(measuredFrom) ? " warm-up" : "", figures.p50Ms(), figures.maxMs(),
                    figures.count())));
            return line.toString();
        }

        /** The per-hop figures, one {@code hop p50/p99} each, in pipeline order. */
        String hopsLine() {
            StringBuilder line = new StringBuilder();
            hops.forEach((hop, figures) -> line.append(String.format(Locale.ROOT, "%s%s p50 %.0f ms p99 %.0f ms (%d)", line.isEmpty() ? "" : ", ",
                    hop.label(), figures.p50Ms(), figures.p99Ms(), figures.count())));
            return line.toString();
        }
    }

    /** Nearest-rank percentiles of one hop over {@code count} orders. */
    record Percentiles(int count, double p50Ms, double p99Ms, double maxMs) {
        static Percentiles of(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return new Percentiles(sorted.size(), NearestRank.percentile(sorted, 0.50), NearestRank.percentile(sorted, 0.99),
                    sorted.get(sorted.size() - 1));
        }
    }

    private LatencyBench() {
    }

    /**
     * @param rounds minutes measured: the orders of the candles ending from the whole minute after the warm-up minutes to
     *               {@code rounds} minutes later; the run lasts up to three minutes more (to the next whole minute, then the
     *               two warm-up minutes) plus the grace and {@value #SETTLE_MS} ms
     */
    static Result run(String bootstrapServers, Map<String, Object> serdeConfig, int symbols, int rounds, Path stateDir, PrintWriter out) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            names.add(String.format(Locale.ROOT, SYMBOL_FORMAT, i));
        }
        Map<String, String> env = environment(bootstrapServers, serdeConfig, names, stateDir);
        TickflowConfig aggregateConfig = config(env, "aggregate", AggregateSettings.definition());
        TickflowConfig strategyConfig = config(env, "strategy", StrategySettings.definition());
        TickflowConfig executorConfig = config(env, "executor", ExecutorSettings.definition());
        AggregateSettings aggregate = AggregateSettings.from(aggregateConfig);
        TopicCatalog topics = TopicCatalog.from(executorConfig);
        StrategySettings strategy = new StrategySettings(TopicCatalog.from(strategyConfig), CandleInterval.ONE_MINUTE,
                StrategyInstances.parse(crossingEveryMinute(), StrategyTypes.discover()), serdeConfig);
        ExecutorSettings executor = ExecutorSettings.from(executorConfig);
        Map<String, PlacementClock.Placement> placements = PlacementClock.newRecord();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            for (TopicCatalog catalog : List.of(aggregate.topics(), strategy.topics(), topics)) {
                provisioner.ensure(catalog.all());
            }
        }
        List<KafkaStreams> running = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            running.add(start("aggregate", AggregateTopology.build(aggregate), AggregateTopology.streamsOverrides(aggregate),
                    aggregateConfig, failure));
            running.add(start("strategy", StrategyTopology.build(strategy), StrategyTopology.streamsOverrides(strategy),
                    strategyConfig, failure));
            running.add(start("executor", ExecutorTopology.build(executor,
                    () -> new SimulatedVenue(new PlacementClock(Venues.paper(executor), placements))),
                    ExecutorTopology.streamsOverrides(executor), executorConfig, failure));
            long grace = aggregate.grace().toMillis();
            long feedStart = System.currentTimeMillis();
            long firstRealTimeMinute = (feedStart / MINUTE_MS + 1) * MINUTE_MS;
            long measuredFrom = firstRealTimeMinute + REAL_TIME_WARM_UP_MINUTES * MINUTE_MS;
            long feedEnd = measuredFrom + rounds * MINUTE_MS;
            out.printf(Locale.ROOT, "latency: aggregate, strategy and executor (paper) in KafkaStreams, %s; %d symbols crossing every "
                    + "minute, measured on %d minute(s), %.0f s ...%n", aggregateConfig.streamsProperties().get(ConfigKeys.PROCESSING_GUARANTEE),
                    symbols, rounds, (feedEnd + grace + SETTLE_MS - feedStart) / 1000.0);
            out.flush();
            feed(bootstrapServers, serdeConfig, aggregate.topics().trades().name(), names, firstRealTimeMinute, feedStart, feedEnd + grace + 2_000,
                    failure);
            sleepUntil(feedEnd + grace + SETTLE_MS, failure);
            return summarize(placements, firstRealTimeMinute, measuredFrom, feedEnd, grace)
                    .withHops(hops(orderEvents(bootstrapServers, topics.orders().name()), measuredFrom, feedEnd));
        } finally {
            for (KafkaStreams streams : running) {
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    /**
     * Orders of the candles that closed in real time after the warm-up (ending from {@code measuredFrom} to {@code feedEnd}),
     * each against its candle's end + grace; the minutes from {@code warmUpFrom} on are also shown one by one.
     */
    static Result summarize(Map<String, PlacementClock.Placement> placements, long warmUpFrom, long measuredFrom, long feedEnd, long graceMs) {
        List<Long> latencies = new ArrayList<>();
        Map<Instant, List<Long>> byMinute = new TreeMap<>();
        for (PlacementClock.Placement placement : placements.values()) {
            long candleEnd = placement.signalTime().toEpochMilli() + 1;
            long latency = placement.placedAtMs() - (candleEnd + graceMs);
            if (candleEnd >= warmUpFrom && candleEnd <= feedEnd) {
                byMinute.computeIfAbsent(Instant.ofEpochMilli(candleEnd), minute -> new ArrayList<>()).add(latency);
            }
            if (candleEnd >= measuredFrom && candleEnd <= feedEnd) {
                latencies.add(latency);
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException("No order reached the paper broker from a candle closed in real time: the pipeline did not run");
        }
        Percentiles all = Percentiles.of(latencies);
        Map<Instant, Percentiles> minutes = new LinkedHashMap<>();
        byMinute.forEach((minute, values) -> minutes.put(minute, Percentiles.of(values)));
        return new Result(all.count(), all.p50Ms(), all.p99Ms(), all.maxMs(), minutes, Instant.ofEpochMilli(measuredFrom), Map.of());
    }

    /**
     * Each hop's percentiles over the order events of the candles that closed in real time: per symbol and window, the
     * first event (the order's placement), by the hop stamps it carries ({@link HopStamps}). Events without them are skipped.
     */
    static Map<HopStamps.Hop, Percentiles> hops(List<ConsumerRecord<byte[], byte[]>> orderEvents, long measuredFrom, long feedEnd) {
        Map<String, Headers> firstPerOrder = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> event : orderEvents) {
            OptionalLong windowEnd = HopStamps.read(event.headers(), HopStamps.WINDOW_END);
            OptionalLong placed = HopStamps.read(event.headers(), HopStamps.ORDER_PLACED);
            if (windowEnd.isEmpty() || placed.isEmpty() || windowEnd.getAsLong() < measuredFrom || windowEnd.getAsLong() > feedEnd) {
                continue;
            }
            firstPerOrder.merge(new String(event.key(), StandardCharsets.UTF_8) + "@" + windowEnd.getAsLong(), event.headers(),
                    (first, later) -> HopStamps.read(later, HopStamps.ORDER_PLACED).getAsLong() < HopStamps.read(first, HopStamps.ORDER_PLACED)
                            .getAsLong() ? later : first);
        }
        Map<HopStamps.Hop, Percentiles> figures = new LinkedHashMap<>();
        for (HopStamps.Hop hop : HopStamps.Hop.values()) {
            List<Long> spans = new ArrayList<>();
            firstPerOrder.values().forEach(headers -> hop.millis(headers).ifPresent(spans::add));
            if (!spans.isEmpty()) {
                figures.put(hop, Percentiles.of(spans));
            }
        }
        return figures;
    }

    /** Every committed record of the order events topic, read from the start until the end offsets of when it began. */
    private static List<ConsumerRecord<byte[], byte[]>> orderEvents(String bootstrapServers, String topic) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }


    /** Instance "cross" on every symbol: SMA(2) and EMA(2), which a minute-by-minute zigzag makes cross on every candle. */
    private static Map<String, String> crossingEveryMinute() {
        return Map.of("strategy.instances", "cross",
                "strategy.cross.type", "sma-ema-crossover",
                "strategy.cross.symbols", "*",
                "strategy.cross.sma", "2",
                "strategy.cross.ema", "2",
                "strategy.cross.stop-loss", "0.5");
    }

    /** The services' configuration: the bench's broker and registry, topics of their own, one unit of each symbol per order. */
    private static Map<String, String> environment(String bootstrapServers, Map<String, Object> serdeConfig, List<String> symbols, Path stateDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TICKFLOW_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("TICKFLOW_SCHEMA_REGISTRY_URL", String.valueOf(serdeConfig.get(ConfigKeys.SCHEMA_REGISTRY_URL)));
        env.put("TICKFLOW_STATE_DIR", stateDir.toString());
        env.put("TICKFLOW_CANDLES_INTERVALS", "1m");
        for (String topic : List.of("MD_TRADES", "MD_TRADES_LATE", "MD_TRADES_DLQ", "MD_CANDLES_1M", "STRATEGY_SIGNALS", "STRATEGY_INDICATORS",
                "OMS_ORDERS", "OMS_FILLS", "OMS_POSITIONS")) {
            env.put("TICKFLOW_TOPIC_" + topic + "_NAME", "latency." + topic.toLowerCase(Locale.ROOT).replace('_', '.'));
        }
        env.put("TICKFLOW_EXECUTOR_ORDER_QUANTITIES", String.join(",", symbols.stream().map(symbol -> symbol + "=1").toList()));
        return env;
    }

    /** Only the keys of the service (the others would be reported as ignored), under its own application id. */
    private static TickflowConfig config(Map<String, String> env, String service, org.apache.kafka.common.config.ConfigDef definition) {
        Map<String, String> own = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            String name = key.substring("TICKFLOW_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (definition.names().contains(name) || key.startsWith("TICKFLOW_TOPIC_")) {
                own.put(key, value);
            }
        });
        own.put("TICKFLOW_APPLICATION_ID", PREFIX + service);
        own.put("TICKFLOW_STATE_DIR", env.get("TICKFLOW_STATE_DIR") + "/" + service);
        return TickflowConfig.load(Optional.empty(), own, definition);
    }

    private static KafkaStreams start(String service, Topology topology, Map<String, Object> overrides, TickflowConfig config,
                                      AtomicReference<Throwable> failure) {
        KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.merge(config.streamsProperties(), service, overrides));
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return streams;
    }

    /**
     * The warm-up history first (every 5 s of the {@value #WARM_UP_MINUTES} minutes before the current one, at once),
     * then every symbol every {@value #TRADE_EVERY_MS} ms at the wall clock until {@code until}.
     */
    private static void feed(String bootstrapServers, Map<String, Object> serdeConfig, String topic, List<String> symbols, long firstRealTimeMinute,
                             long feedStart, long until, AtomicReference<Throwable> failure) {
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0);
        try (AvroSerde<Trade> serde = AvroSerde.forClass(Trade.class, serdeConfig, false);
             KafkaProducer<String, Trade> producer = new KafkaProducer<>(properties, new StringSerializer(), serde.serializer())) {
            long[] tradeId = {1};
            for (long time = firstRealTimeMinute - (WARM_UP_MINUTES + 1) * MINUTE_MS; time < feedStart; time += 5_000) {
                for (int i = 0; i < symbols.size(); i++) {
                    send(producer, topic, symbols, i, time, tradeId);
                }
            }
            for (long period = System.currentTimeMillis(); period < until; period += TRADE_EVERY_MS) {
                if (failure.get() != null) {
                    throw new IllegalStateException("The pipeline failed: " + failure.get(), failure.get());
                }
                for (int i = 0; i < symbols.size(); i++) {
                    long wait = period + i * TRADE_EVERY_MS / symbols.size() - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    send(producer, topic, symbols, i, System.currentTimeMillis(), tradeId);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A trade of symbol {@code i} at {@code time}: 100 (+ the symbol's index) in even minutes, 10 % more in odd ones. */
    private static void send(KafkaProducer<String, Trade> producer, String topic, List<String> symbols, int i, long time, long[] tradeId) {
        boolean odd = Math.floorDiv(time, MINUTE_MS) % 2 == 1;
        Instant at = Instant.ofEpochMilli(time);
        BigDecimal base = BigDecimal.valueOf(100 + i);
        BigDecimal price = (odd ? base.multiply(new BigDecimal("1.1")) : base).setScale(8);
        long id = tradeId[0]++;
        Trade trade = Trade.newBuilder().setExchange("binance").setSymbol(symbols.get(i)).setTradeId(id).setFirstTradeId(id)
                .setLastTradeId(id).setPrice(price).setQuantity(new BigDecimal("1.00000000")).setTradeTime(at).setBuyerIsMaker(i % 2 == 0)
                .setEventTime(at).setIngestTime(at).build();
        producer.send(new ProducerRecord<>(topic, null, time, symbols.get(i), trade));
    }

    private static void sleepUntil(long wallClockMs, AtomicReference<Throwable> failure) {
        try {
            while (System.currentTimeMillis() < wallClockMs) {
                if (failure.get() != null) {
                    throw new IllegalStateException("The pipeline failed: " + failure.get(), failure.get());
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
