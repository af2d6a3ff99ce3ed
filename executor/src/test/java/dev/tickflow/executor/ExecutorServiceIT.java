package dev.tickflow.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.order.ClientOrderIds;
import dev.tickflow.runtime.StreamsService;
import dev.tickflow.runtime.fixtures.CommittedReader;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.OrderStatus;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.testkit.ApicurioRegistry;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor service in-process, as {@code tickflow executor} runs it ({@link ExecutorApp} in a {@link StreamsService}) with the paper broker, on a real broker and registry with exactly_once_v2. */
@WithKafka
@WithSchemaRegistry
class ExecutorServiceIT {
    private static final int PARTITIONS = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSignalBecomesAnOrderAFillAndAPosition(KafkaBroker broker, ApicurioRegistry registry, TestTopics topics) throws Exception {
        // the records are of 2025 (the output inherits their timestamps): without this, the broker's retention check
        // (7 days by default, first run 30 s after it starts) can delete them mid-test
        Map<String, String> keepOldRecords = ExecutorFixture.KEEP_OLD_RECORDS;
        String trades = topics.create("md.trades", PARTITIONS, keepOldRecords);
        String signals = topics.create("strategy.signals", PARTITIONS, keepOldRecords);
        String orders = topics.create("oms.orders", PARTITIONS, keepOldRecords);
        String fills = topics.create("oms.fills", PARTITIONS, keepOldRecords);
        String positions = topics.create("oms.positions", PARTITIONS, keepOldRecords);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("TICKFLOW_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        settings.put("TICKFLOW_SCHEMA_REGISTRY_URL", registry.confluentApiUrl());
        settings.put("TICKFLOW_APPLICATION_ID", topics.name("executor"));
        settings.put("TICKFLOW_STATE_DIR", dir.resolve("state").toString());
        settings.put("TICKFLOW_HTTP_PORT", "0");
        settings.put("TICKFLOW_SHUTDOWN_TIMEOUT_MS", "10000");
        settings.put("TICKFLOW_TOPIC_MD_TRADES_NAME", trades);
        settings.put("TICKFLOW_TOPIC_STRATEGY_SIGNALS_NAME", signals);
        settings.put("TICKFLOW_TOPIC_OMS_ORDERS_NAME", orders);
        settings.put("TICKFLOW_TOPIC_OMS_FILLS_NAME", fills);
        settings.put("TICKFLOW_TOPIC_OMS_POSITIONS_NAME", positions);
        TickflowConfig config = TickflowConfig.load(Optional.empty(), settings, ExecutorSettings.definition());
        StringWriter output = new StringWriter();

        try (StreamsService service = new StreamsService(new ExecutorApp(), config, new PrintWriter(output, true), new PrintWriter(output, true))) {
            assertThat(service.properties()).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            assertThat(output.toString()).contains("executor: broker paper, MARKET orders, from " + signals + " and " + trades);
            service.start();
            await().atMost(Duration.ofSeconds(40)).until(() -> service.state() == KafkaStreams.State.RUNNING);

            produce(broker, registry, trades, "BTCUSDT", trade("50000", START.plusSeconds(30)), START.plusSeconds(30));
            // paper fills at the signal's price (its candle's close, the last trade of the minute): see docs/executor.md
            Signal entry = signal(0, TargetPosition.LONG, "50000");
            produce(broker, registry, signals, "BTCUSDT", entry, entry.getCreatedAt());
            produce(broker, registry, signals, "BTCUSDT", entry, entry.getCreatedAt());
            Signal exit = signal(2, TargetPosition.FLAT, "51000");
            produce(broker, registry, trades, "BTCUSDT", trade("51000", START.plusSeconds(150)), START.plusSeconds(150));
            produce(broker, registry, signals, "BTCUSDT", exit, exit.getCreatedAt());

            List<OrderEvent> orderEvents = read(broker, registry, orders, OrderEvent.class, read -> read.size() >= 2);
            assertThat(orderEvents).as("the duplicate entry signal orders nothing").hasSize(2);
            assertThat(orderEvents).extracting(OrderEvent::getClientOrderId)
                    .containsExactly(ClientOrderIds.of(entry.getSignalId()), ClientOrderIds.of(exit.getSignalId()));
            assertThat(orderEvents).extracting(OrderEvent::getStatus).containsOnly(OrderStatus.FILLED);
            assertThat(orderEvents).extracting(OrderEvent::getSide).containsExactly(OrderSide.BUY, OrderSide.SELL);

            List<Fill> fillRecords = read(broker, registry, fills, Fill.class, read -> read.size() >= 2);
            assertThat(fillRecords).extracting(fill -> fill.getPrice().stripTrailingZeros().toPlainString()).containsExactly("50000", "51000");
            assertThat(fillRecords).extracting(fill -> fill.getCommission().stripTrailingZeros().toPlainString())
                    .as("0.1 %% of 50 and of 51").containsExactly("0.05", "0.051");

            List<Position> positionRecords = read(broker, registry, positions, Position.class,
                    read -> read.stream().anyMatch(p -> p.getQuantity().signum() == 0));
            Position last = positionRecords.get(positionRecords.size() - 1);
            assertThat(last.getQuantity()).isEqualByComparingTo("0");
            assertThat(last.getRealizedPnl()).as("(51000 - 50000) x 0.001").isEqualByComparingTo("1");
            assertThat(last.getFees()).isEqualByComparingTo("0.101");

            URI http = service.httpAddress().orElseThrow();
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(http.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(http.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("service=\"executor\"");
        }
    }

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value).setScale(8, RoundingMode.UNNECESSARY);
    }

    private static Trade trade(String price, Instant time) {
        return Trade.newBuilder().setExchange("binance").setSymbol("BTCUSDT").setTradeId(time.toEpochMilli()).setFirstTradeId(time.toEpochMilli())
                .setLastTradeId(time.toEpochMilli()).setPrice(decimal(price)).setQuantity(decimal("0.5")).setTradeTime(time)
                .setBuyerIsMaker(false).setEventTime(time).setIngestTime(time).build();
    }

    private static Signal signal(int minute, TargetPosition target, String price) {
        Instant openTime = START.plusSeconds(60L * minute);
        return Signal.newBuilder().setSignalId("A:BTCUSDT:" + openTime.toEpochMilli()).setStrategyInstance("A").setSymbol("BTCUSDT")
                .setCandleOpenTime(openTime).setTarget(target)
                .setReason(target == TargetPosition.LONG ? SignalReason.CROSS_UP : SignalReason.CROSS_DOWN)
                .setPrice(decimal(price)).setCreatedAt(openTime.plusMillis(59_999)).build();
    }

    private static <T extends SpecificRecord> void produce(KafkaBroker broker, ApicurioRegistry registry, String topic, String key, T value,
                                                           Instant timestamp) throws Exception {
        AvroSerializer<T> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.confluentApiUrl()), false);
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(properties, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key, value)).get();
        }
    }

    /** Reads a topic from the beginning, read_committed, until {@code done} holds and 2 s more passed (to catch duplicates), or 40 s. */
    private static <T> List<T> read(KafkaBroker broker, ApicurioRegistry registry, String topic, Class<T> type, Predicate<List<T>> done) {
        return CommittedReader.read(broker.bootstrapServers(), registry.confluentApiUrl(), topic, PARTITIONS, type, done,
                Duration.ofSeconds(40), Duration.ofSeconds(2));
    }
}
