package dev.tickflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner with a trivial topology (upper-casing values) on a real broker with exactly_once_v2. */
@WithKafka
class StreamsServiceIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path stateDir;

    private final StringWriter output = new StringWriter();

    @Test
    void runsServesHealthAndMetricsAndClosesCleanly(KafkaBroker broker, TestTopics topics) throws Exception {
        String in = topics.create("in", 2);
        String out = topics.create("out", 2);
        StreamsService service = new StreamsService(new FixedTopologyApp("upper", upperCase(in, out)), config(broker, topics), writer(), writer());
        try {
            service.start();
            URI http = service.httpAddress().orElseThrow();
            assertThat(http.getHost()).isEqualTo("127.0.0.1");
            assertThat(http.getPort()).isPositive();
            assertThat(output.toString()).contains("upper: health on " + http + "/health, metrics on " + http + "/metrics");

            await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            HttpResponse<String> health = get(http.resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}");
            assertThat(health.headers().firstValue("Content-Type")).contains("application/json");

            produce(broker, in, List.of("a", "b", "c"));
            assertThat(consume(broker, out, 3)).containsExactlyInAnyOrder("A", "B", "C");

            HttpResponse<String> metrics = get(http.resolve("/metrics"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("kafka_stream_thread_process_rate")
                    .contains("kafka_consumer_fetch_manager_records_lag_max")
                    .contains("kafka_producer_")
                    .contains("jvm_memory_used_bytes")
                    .contains("process_uptime_seconds")
                    .contains("service=\"upper\"");
            assertThat(get(http.resolve("/nothing")).statusCode()).isEqualTo(404);

            service.close();
            assertThat(service.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
            assertThat(service.awaitTermination()).isEqualTo(StreamsService.EXIT_STOPPED);
        } finally {
            service.close();
        }
    }

    @Test
    void failsFastNamingMissingTopics(KafkaBroker broker, TestTopics topics) {
        String in = topics.name("in");
        String out = topics.create("out", 1);
        try (StreamsService service = new StreamsService(new FixedTopologyApp("upper", upperCase(in, out)), config(broker, topics), writer(), writer())) {
            assertThatThrownBy(service::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing input topic(s) " + in)
                    .hasMessageNotContaining(out)
                    .hasMessageContaining("tickflow topics create");
            assertThat(service.httpAddress()).isEmpty();
        }
    }

    @Test
    void exitsWithAFailureWhenStreamsGoesToError(KafkaBroker broker, TestTopics topics) throws Exception {
        String in = topics.create("in", 1);
        String out = topics.create("out", 1);
        try (StreamsService service = new StreamsService(new FixedTopologyApp("fragile", failingOnPoison(in, out)), config(broker, topics), writer(), writer())) {
            CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(service::run);
            await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            URI http = service.httpAddress().orElseThrow();

            produce(broker, in, List.of("poison"));

            assertThat(exitCode.get(40, TimeUnit.SECONDS)).isEqualTo(StreamsService.EXIT_FAILED);
            assertThat(service.state()).isEqualTo(KafkaStreams.State.ERROR);
            assertThat(output.toString()).contains("fragile: Kafka Streams failed and stopped (state ERROR)", "cannot process poison");
            assertThat(service.httpAddress()).hasValue(http);
        }
    }

    @Test
    void aFailureIsToldOnOpsEvents(KafkaBroker broker, TestTopics topics) throws Exception {
        String in = topics.create("in", 1);
        String out = topics.create("out", 1);
        String opsEvents = topics.create("ops-events", 1);
        TickflowConfig config = config(broker, topics, Map.of("TICKFLOW_TOPIC_OPS_EVENTS_NAME", opsEvents));
        try (StreamsService service = new StreamsService(new FixedTopologyApp("fragile", failingOnPoison(in, out)), config, writer(), writer())) {
            CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(service::run);
            await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);

            produce(broker, in, List.of("poison"));

            assertThat(exitCode.get(40, TimeUnit.SECONDS)).isEqualTo(StreamsService.EXIT_FAILED);
        }
        AvroDeserializer<OperationalEvent> deserializer = new AvroDeserializer<>(OperationalEvent.class);
        deserializer.configure(Map.of("schema.registry.url", mockRegistry(topics)), false);
        List<OperationalEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, OperationalEvent> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, opsEvents + "-reader"),
                new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(opsEvents));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
            }
        }
        assertThat(events).as("one CRITICAL failure, not one more for the ERROR state").singleElement().satisfies(event -> {
            assertThat(event.getKind()).isEqualTo("SERVICE_FAILED");
            assertThat(event.getSeverity()).isEqualTo("CRITICAL");
            assertThat(event.getService()).isEqualTo("fragile");
            assertThat(event.getMessage()).contains("cannot process poison");
        });
    }

    @Test
    void endpointsCanBeDisabled(KafkaBroker broker, TestTopics topics) {
        String in = topics.create("in", 1);
        String out = topics.create("out", 1);
        TickflowConfig config = config(broker, topics, Map.of("TICKFLOW_HTTP_PORT", "-1"));
        try (StreamsService service = new StreamsService(new FixedTopologyApp("quiet", upperCase(in, out)), config, writer(), writer())) {
            service.start();
            assertThat(service.httpAddress()).isEmpty();
            assertThat(output.toString()).contains("endpoints disabled");
        }
    }

    @Test
    void aPortInUseFailsWithTheKeyNamed(KafkaBroker broker, TestTopics topics) throws Exception {
        String in = topics.create("in", 1);
        String out = topics.create("out", 1);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TickflowConfig config = config(broker, topics, Map.of("TICKFLOW_HTTP_PORT", String.valueOf(taken.getLocalPort())));
            try (StreamsService service = new StreamsService(new FixedTopologyApp("busy", upperCase(in, out)), config, writer(), writer())) {
                assertThatThrownBy(service::start)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                        .hasMessageContaining("http.port");
                assertThat(service.state()).isIn(KafkaStreams.State.CREATED, KafkaStreams.State.NOT_RUNNING);
            }
        }
    }

    private TickflowConfig config(KafkaBroker broker, TestTopics topics) {
        return config(broker, topics, Map.of());
    }

    private TickflowConfig config(KafkaBroker broker, TestTopics topics, Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "TICKFLOW_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "TICKFLOW_APPLICATION_ID", topics.name("app"),
                "TICKFLOW_STATE_DIR", stateDir.toString(),
                "TICKFLOW_HTTP_PORT", "0",
                "TICKFLOW_SHUTDOWN_TIMEOUT_MS", "10000",
                // an in-memory registry: a failure's ops.events record must not reach for one that is not there
                "TICKFLOW_SCHEMA_REGISTRY_URL", mockRegistry(topics)));
        environment.putAll(extra);
        return TickflowConfig.load(Optional.empty(), environment, CommonConfig.definition("runner-test", 0));
    }

    private static String mockRegistry(TestTopics topics) {
        return "mock://" + topics.name("registry");
    }

    private PrintWriter writer() {
        return new PrintWriter(output, true);
    }

    private static Topology failingOnPoison(String in, String out) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (value.equals("poison")) {
                        throw new IllegalStateException("cannot process " + value);
                    }
                    return value;
                })
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static Topology upperCase(String in, String out) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> value.toUpperCase())
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static void produce(KafkaBroker broker, String topic, List<String> values) {
        Map<String, Object> properties = Map.of("bootstrap.servers", broker.bootstrapServers(), "enable.idempotence", true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            values.forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
        }
    }

    private static List<String> consume(KafkaBroker broker, String topic, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
