package dev.tickflow.bench;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.aggregate.AggregateTopology;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.StreamsProperties;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerde;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The aggregation part of the benchmark, on a real broker: pre-produces simulated trades to md.trades, then runs the
 * aggregate service's topology ({@link AggregateTopology#build}) in {@link KafkaStreams} with the service's own
 * configuration (exactly_once_v2 by default) and times it from {@code start()} until its committed offsets reach the
 * end of md.trades. Under exactly_once_v2 the offsets commit in the same transactions as the candles, so at that
 * point every candle of every trade read is committed.
 */
final class AggregateBench {
    static final String APPLICATION_ID = "tickflow-bench-aggregate";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final String bootstrapServers;
    private final Map<String, Object> serdeConfig;
    private final PrintWriter out;

    /** Wall-clock figures of one aggregation run. */
    record Result(long trades, Duration produce, Duration aggregate, long candles1m, long lateTrades) {
        double tradesPerSecond() {
            return trades / seconds(aggregate);
        }
    }

    AggregateBench(String bootstrapServers, Map<String, Object> serdeConfig, PrintWriter out) {
        this.bootstrapServers = bootstrapServers;
        this.serdeConfig = serdeConfig;
        this.out = out;
    }

    /** Produces the trades (acks=all, idempotent, lz4) and waits for all of them; returns how long it took. */
    Duration produce(BenchTrades trades, long count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (AvroSerde<Trade> serde = AvroSerde.forClass(Trade.class, serdeConfig, false);
             KafkaProducer<String, Trade> producer = new KafkaProducer<>(config, new StringSerializer(), serde.serializer())) {
            String topic = TopicCatalog.defaults().trades().name();
            BenchProgress progress = new BenchProgress(out, "produce", count);
            long sent = 0;
            while (trades.hasNext()) {
                BenchTrades.SimTrade t = trades.next();
                producer.send(new ProducerRecord<>(topic, null, t.time(), t.symbol(), t.toTrade()), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if ((++sent & 1023) == 0) {
                    progress.update(sent);
                }
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Producing the trades failed: " + failure.get().getMessage(), failure.get());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Runs the aggregation on everything in md.trades. */
    Result aggregate(long trades, Duration produced, Path stateDir, int streamThreads) {
        TickflowConfig config = config(APPLICATION_ID, stateDir, streamThreads);
        AggregateSettings settings = AggregateSettings.from(config);
        Properties properties = StreamsProperties.merge(config.streamsProperties(), "aggregate", AggregateTopology.streamsOverrides(settings));
        out.printf(Locale.ROOT, "aggregate: KafkaStreams %s, %s, %d stream thread(s), %d trades%n", APPLICATION_ID,
                properties.get(ConfigKeys.PROCESSING_GUARANTEE), streamThreads, trades);
        out.flush();
        Timed timed = runToEnd(AggregateTopology.build(settings), properties, "aggregate");
        long candles = countCommitted(settings.topics().candles(CandleInterval.ONE_MINUTE).name());
        long late = countCommitted(settings.topics().tradesLate().name());
        return new Result(timed.records(), produced, timed.elapsed(), candles, late);
    }

    /** The aggregate service's configuration on the bench's broker and registry, under {@code applicationId}. */
    TickflowConfig config(String applicationId, Path stateDir, int streamThreads) {
        return TickflowConfig.load(Optional.empty(), Map.of(
                "TICKFLOW_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "TICKFLOW_SCHEMA_REGISTRY_URL", String.valueOf(serdeConfig.get(ConfigKeys.SCHEMA_REGISTRY_URL)),
                "TICKFLOW_APPLICATION_ID", applicationId,
                "TICKFLOW_STATE_DIR", stateDir.toString(),
                "TICKFLOW_NUM_STREAM_THREADS", Integer.toString(streamThreads)), AggregateSettings.definition());
    }

    /** Records read and the time from {@code start()} until the committed offsets reached the end of md.trades. */
    record Timed(long records, Duration elapsed) {
        double perSecond() {
            return records / seconds(elapsed);
        }
    }

    /**
     * Runs {@code topology} from the beginning of md.trades until its application's committed offsets reach the end
     * offsets taken at its start (under exactly_once_v2 the outputs commit in the same transactions), then closes it.
     */
    Timed runToEnd(Topology topology, Properties properties, String label) {
        String applicationId = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            String topic = TopicCatalog.defaults().trades().name();
            Map<TopicPartition, Long> ends = endOffsets(admin, topic);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long start = System.nanoTime();
            try (KafkaStreams streams = new KafkaStreams(topology, properties)) {
                AtomicReference<Throwable> failure = new AtomicReference<>();
                streams.setUncaughtExceptionHandler(e -> {
                    failure.compareAndSet(null, e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                streams.start();
                BenchProgress progress = new BenchProgress(out, label, total);
                long committed = 0;
                while (committed < total) {
                    if (failure.get() != null) {
                        throw new IllegalStateException(label + " failed: " + failure.get(), failure.get());
                    }
                    if (System.nanoTime() - start > TIMEOUT.toNanos()) {
                        throw new IllegalStateException(label + " did not finish within " + TIMEOUT.toMinutes() + " minutes ("
                                + committed + " of " + total + " trades committed)");
                    }
                    Thread.sleep(50);
                    committed = committedOffsets(admin, applicationId, ends.keySet());
                    progress.update(committed);
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                streams.close(Duration.ofSeconds(30));
                return new Timed(total, elapsed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker did not answer: " + e.getCause(), e.getCause());
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static long committedOffsets(Admin admin, String group, Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = offsets.get(partition);
            sum += offset == null ? 0 : offset.offset();
        }
        return sum;
    }

    /** Records committed in a topic, read with read_committed (transaction markers take offsets, so offsets do not tell). */
    private long countCommitted(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
