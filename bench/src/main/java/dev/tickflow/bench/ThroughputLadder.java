package dev.tickflow.bench;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.aggregate.AggregateTopology;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.StreamsProperties;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;

/**
 * The throughput ladder on the same md.trades, in rounds (each round runs every rung once, so machine noise spreads
 * over all of them; the figures are the medians over the rounds): Kafka's ConsumerPerformance; a consumer that also
 * decodes the Avro trades; a do-nothing exactly_once_v2 topology (reads the records as bytes into a {@code foreach}
 * that does nothing, no sink: each transaction commits only the offsets); the idiomatic DSL 1-minute OHLC
 * ({@link DslCandleTopology}, exactly_once_v2); Tickflow's aggregation. Every run starts from the beginning of the
 * topic in a new consumer group or application id and counts until the end, start-up and group join included.
 */
final class ThroughputLadder {
    static final double AIM_VS_RAW = 0.5;
    static final double AIM_VS_NOOP = 0.8;
    static final double AIM_VS_DSL = 3.0;

    private final String bootstrapServers;
    private final Map<String, Object> serdeConfig;
    private final AggregateBench aggregate;
    private final Path stateDir;
    private final int streamThreads;
    private final PrintWriter out;

    /** Medians over the rounds, in records (trades) per second; {@code first} is round 1's aggregation, with its candle counts. */
    record Result(int rounds, double rawConsumerRps, double avroConsumerRps, double noopEosTps, double dslTps, double tickflowTps,
                  AggregateBench.Result first) {
        String line() {
            return String.format(Locale.ROOT, "ladder: raw_consumer_rps=%.0f avro_consumer_rps=%.0f noop_eos_tps=%.0f dsl_tps=%.0f "
                            + "aggregate_tps=%.0f tickflow_vs_raw=%.2f tickflow_vs_noop=%.2f tickflow_vs_dsl=%.2f rounds=%d",
                    rawConsumerRps, avroConsumerRps, noopEosTps, dslTps, tickflowTps, tickflowTps / rawConsumerRps,
                    tickflowTps / noopEosTps, tickflowTps / dslTps, rounds);
        }

        List<String> aims() {
            return List.of(aim("Tickflow / raw consumer", tickflowTps / rawConsumerRps, AIM_VS_RAW),
                    aim("Tickflow / no-op EOS topology", tickflowTps / noopEosTps, AIM_VS_NOOP),
                    aim("Tickflow / DSL OHLC", tickflowTps / dslTps, AIM_VS_DSL));
        }

        private static String aim(String what, double ratio, double aim) {
            return String.format(Locale.ROOT, "%s = %.2f (aim >= %.1f: %s)", what, ratio, aim, ratio >= aim ? "met" : "NOT met");
        }
    }

    ThroughputLadder(String bootstrapServers, Map<String, Object> serdeConfig, AggregateBench aggregate, Path stateDir, int streamThreads,
                     PrintWriter out) {
        this.bootstrapServers = bootstrapServers;
        this.serdeConfig = serdeConfig;
        this.aggregate = aggregate;
        this.stateDir = stateDir;
        this.streamThreads = streamThreads;
        this.out = out;
    }

    Result run(int rounds, long trades, Duration produced) {
        String topic = TopicCatalog.defaults().trades().name();
        String dslCandles = TopicCatalog.defaults().candles(CandleInterval.ONE_MINUTE).name() + ".bench-dsl";
        createLike(topic, dslCandles);
        List<Double> raw = new ArrayList<>();
        List<Double> avro = new ArrayList<>();
        List<Double> noop = new ArrayList<>();
        List<Double> dsl = new ArrayList<>();
        List<Double> tickflow = new ArrayList<>();
        AggregateBench.Result first = null;
        for (int round = 1; round <= rounds; round++) {
            out.printf(Locale.ROOT, "ladder round %d of %d on %s (%,d trades)%n", round, rounds, topic, trades);
            out.flush();
            RawConsumerBench.Result rawRun = RawConsumerBench.run(bootstrapServers, topic, trades, "tickflow-bench-raw-consumer-" + round);
            out.printf(Locale.ROOT, "raw consumer: %,d records, %,.0f records/s (%,.0f/s fetching only, group join excluded)%n",
                    rawRun.records(), rawRun.recordsPerSecond(), rawRun.fetchRecordsPerSecond());
            raw.add(rawRun.recordsPerSecond());
            avro.add(report("consumer + Avro decoding", avroConsumer(topic, "tickflow-bench-avro-consumer-" + round)));
            noop.add(report("no-op exactly_once_v2 topology", streams("noop", round, noopTopology(topic), Map.of()).perSecond()));
            TickflowConfig config = aggregate.config("tickflow-bench-dsl-" + round, stateDir.resolve("dsl-" + round), streamThreads);
            Topology dslTopology = DslCandleTopology.build(topic, dslCandles, AggregateSettings.from(config).grace(), serdeConfig);
            dsl.add(report("DSL 1m OHLC, exactly_once_v2", streams("dsl", round, dslTopology,
                    Map.of(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, AggregateTopology.STATE_CACHE_MAX_BYTES)).perSecond()));
            double tickflowTps;
            if (round == 1) {
                first = aggregate.aggregate(trades, produced, stateDir.resolve("aggregate-1"), streamThreads);
                tickflowTps = first.tradesPerSecond();
            } else {
                TickflowConfig tickflowConfig = aggregate.config(AggregateBench.APPLICATION_ID + "-" + round,
                        stateDir.resolve("aggregate-" + round), streamThreads);
                AggregateSettings settings = AggregateSettings.from(tickflowConfig);
                tickflowTps = streams(tickflowConfig, AggregateTopology.build(settings), AggregateTopology.streamsOverrides(settings),
                        "aggregate").perSecond();
            }
            tickflow.add(report("Tickflow aggregation, exactly_once_v2", tickflowTps));
        }
        return new Result(rounds, median(raw), median(avro), median(noop), median(dsl), median(tickflow), first);
    }

    /** Reads md.trades as bytes into a processor that does nothing; no sink. */
    static Topology noopTopology(String topic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())).foreach((key, value) -> { });
        return builder.build();
    }

    private AggregateBench.Timed streams(String name, int round, Topology topology, Map<String, Object> overrides) {
        TickflowConfig config = aggregate.config("tickflow-bench-" + name + "-" + round, stateDir.resolve(name + "-" + round), streamThreads);
        return streams(config, topology, overrides, name);
    }

    private AggregateBench.Timed streams(TickflowConfig config, Topology topology, Map<String, Object> overrides, String label) {
        Properties properties = StreamsProperties.merge(config.streamsProperties(), label, overrides);
        return aggregate.runToEnd(topology, properties, label);
    }

    /** A consumer in a new group that decodes every trade, from the beginning to the end offsets taken at its start. */
    private double avroConsumer(String topic, String group) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long start = System.nanoTime();
        try (AvroSerde<Trade> serde = AvroSerde.forClass(Trade.class, serdeConfig, false);
             KafkaConsumer<String, Trade> consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            consumer.subscribe(List.of(topic));
            long records = 0;
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (records < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Avro consumer read " + records + " of " + total + " records in 10 minutes");
                }
                records += consumer.poll(Duration.ofMillis(100)).count(); // poll decodes every record
            }
            return records / AggregateBench.seconds(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void createLike(String model, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(model)).allTopicNames().get().get(model).partitions().size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    private double report(String rung, double perSecond) {
        out.printf(Locale.ROOT, "  %-40s %,12.0f records/s%n", rung, perSecond);
        out.flush();
        return perSecond;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
