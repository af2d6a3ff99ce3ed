package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.aggregate.TradeScript.Key;
import dev.tickflow.aggregate.TradeScript.Summary;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.runtime.fixtures.Endpoints;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.serde.SchemaRegistryClient;
import dev.tickflow.serde.SerdeConfig;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregate service (default configuration apart from addresses and topic names) while its schema registry is
 * stopped for about 20 s and restarted on the same port with the same schemas: it waits, then gives the candles an
 * undisturbed run gives, with nothing dead-lettered and nothing late.
 */
@WithKafka
class RegistryOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private int registryPort;
    private ApicurioRegistry registry;

    @BeforeEach
    void startRegistry() {
        registryPort = freePort();
        registry = startRegistryOnItsPort();
    }

    @AfterEach
    void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aRunningServiceWaitsForTheRegistryToPublishItsCandles(KafkaBroker broker, TestTopics topics) throws Exception {
        AggregateServiceFixture fixture = new AggregateServiceFixture(broker, registry, topics, dir);
        TradeScript script = new TradeScript(Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES), 5, 17);
        registerCandleSchema(fixture);

        try (KafkaProducer<String, Trade> producer = tradeProducer(broker);
             StreamsService service = service(fixture)) {
            send(producer, fixture, script.before(1));
            service.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            await().atMost(Duration.ofSeconds(60)).until(() -> consumedEverything(broker, fixture));

            Instant stopped = Instant.now();
            registry.close();
            // these close minutes: the first candles need the registry, which is down
            send(producer, fixture, script.from(1));
            waitOutTheOutage(service, stopped);

            assertSameCandlesNothingDeadLetteredNothingLate(broker, fixture, script.expectedCandles());
            assertRegistryWaitsCounted(service);
        }
    }

    @Test
    void aServiceStartedDuringTheOutageWaitsThenProcessesEverything(KafkaBroker broker, TestTopics topics) throws Exception {
        AggregateServiceFixture fixture = new AggregateServiceFixture(broker, registry, topics, dir);
        TradeScript script = new TradeScript(Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES), 5, 23);
        registerCandleSchema(fixture);

        try (KafkaProducer<String, Trade> producer = tradeProducer(broker);
             StreamsService service = service(fixture)) {
            send(producer, fixture, script.before(2));
            Instant stopped = Instant.now();
            registry.close();
            service.start();
            send(producer, fixture, script.from(2));
            waitOutTheOutage(service, stopped);

            assertSameCandlesNothingDeadLetteredNothingLate(broker, fixture, script.expectedCandles());
            assertRegistryWaitsCounted(service);
        }
    }

    /** Checks that the service says it waits, keeps the registry down for {@link #OUTAGE}, then restarts it. */
    private void waitOutTheOutage(StreamsService service, Instant stopped) throws Exception {
        URI health = service.httpAddress().orElseThrow().resolve("/health");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Endpoints.get(health).body())
                .startsWith("{\"status\":\"UP\"")
                .contains("waiting for the schema registry"));
        long left = Duration.between(Instant.now(), stopped.plus(OUTAGE)).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        registry = startRegistryOnItsPort();
    }

    private void assertSameCandlesNothingDeadLetteredNothingLate(KafkaBroker broker, AggregateServiceFixture fixture,
                                                                 Map<Key, Summary> expected) {
        List<Candle> candles = fixture.readCandles(CandleAssertions.containsAll(expected), Duration.ofSeconds(120), Duration.ofSeconds(3));
        CandleAssertions.assertExactly(candles, expected);
        assertThat(fixture.readDeadLetters(1, Duration.ofSeconds(3))).as("dead letters").isEmpty();
        String late = AggregateSettings.from(fixture.config()).topics().tradesLate().name();
        assertThat(CommittedReader.read(broker.bootstrapServers(), registry.confluentApiUrl(), late,
                AggregateServiceFixture.PARTITIONS, Trade.class, read -> false, Duration.ofSeconds(3), Duration.ZERO))
                .as("late trades").isEmpty();
    }

    private static void assertRegistryWaitsCounted(StreamsService service) throws Exception {
        String metrics = Endpoints.get(service.httpAddress().orElseThrow().resolve("/metrics")).body();
        Matcher waits = Pattern.compile("(?m)^tickflow_registry_unavailable_total\\{[^}]*} ([0-9.E]+)$").matcher(metrics);
        assertThat(waits.find()).as("the waits counter in /metrics").isTrue();
        assertThat(Double.parseDouble(waits.group(1))).isPositive();
        assertThat(metrics).contains("tickflow_registry_outage_seconds");
    }

    private ApicurioRegistry startRegistryOnItsPort() {
        return ApicurioRegistry.builder().port(registryPort).dataDirectory(dir.resolve("registry"))
                .startupTimeout(Duration.ofMinutes(3)).start();
    }

    private StreamsService service(AggregateServiceFixture fixture) {
        StringWriter output = new StringWriter();
        return new StreamsService(new AggregateApp(), fixture.config(), new PrintWriter(output, true), new PrintWriter(output, true));
    }

    /** Registered before the outage, as the schemas of a running pipeline are; the service still has to ask for the id. */
    private void registerCandleSchema(AggregateServiceFixture fixture) {
        SchemaRegistryClient client = SchemaRegistryClient.create(SerdeConfig.parse(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL,
                registry.confluentApiUrl())));
        client.register(AvroSerializer.subject(fixture.candles, false), Candle.getClassSchema());
    }

    /** A producer that learns the Trade schema's id with its first record, so it keeps producing while the registry is down. */
    private KafkaProducer<String, Trade> tradeProducer(KafkaBroker broker) {
        AvroSerializer<Trade> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()), false);
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), serializer);
    }

    private static void send(KafkaProducer<String, Trade> producer, AggregateServiceFixture fixture, List<Trade> trades) {
        trades.forEach(t -> producer.send(new ProducerRecord<>(fixture.trades, null, t.getTradeTime().toEpochMilli(), t.getSymbol(), t)));
        producer.flush();
    }

    /** Whether the service has committed every trade written so far. */
    private static boolean consumedEverything(KafkaBroker broker, AggregateServiceFixture fixture) throws Exception {
        String group = fixture.config().getString("application.id");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, AggregateServiceFixture.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(fixture.trades, p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
