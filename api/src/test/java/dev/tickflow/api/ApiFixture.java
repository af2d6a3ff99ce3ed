package dev.tickflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SignalReason;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.TargetPosition;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The API's topics (unique names) on a real broker and registry, a market history to serve (two symbols, candles
 * with indicators, a signal, an order, a fill, a position, a symbol command), a producer and an HTTP client.
 */
final class ApiFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BTC = "BTCUSDT";
    static final String ETH = "ETHUSDT";
    static final Instant T0 = SampleRecords.OPEN_TIME;
    static final int CANDLES = 30;

    final Map<String, String> topics = new LinkedHashMap<>();
    private final KafkaBroker broker;
    private final ApicurioRegistry registry;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiFixture(KafkaBroker broker, ApicurioRegistry registry, TestTopics testTopics) {
        this.broker = broker;
        this.registry = registry;
        for (String id : List.of("md.trades", "md.candles.1m", "strategy.indicators", "strategy.signals", "oms.orders", "oms.fills")) {
            topics.put(id, testTopics.create(id, 3));
        }
        topics.put("oms.positions", testTopics.create("oms.positions", 3, Map.of("cleanup.policy", "compact")));
        topics.put("control.symbols", testTopics.create("control.symbols", 1, Map.of("cleanup.policy", "compact")));
        topics.put("control.operator", testTopics.create("control.operator", 1));
        topics.put("ops.events", testTopics.create("ops.events", 3));
    }

    /** The API's configuration: these topics, only 1m candles, any free port; plus {@code extra} keys. */
    TickflowConfig config(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>();
        environment.put("TICKFLOW_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("TICKFLOW_SCHEMA_REGISTRY_URL", registry.confluentApiUrl());
        environment.put("TICKFLOW_CANDLES_INTERVALS", "1m");
        environment.put("TICKFLOW_API_PORT", "0");
        environment.put("TICKFLOW_API_WS_TICK_INTERVAL_MS", "0");
        environment.put("TICKFLOW_SHUTDOWN_TIMEOUT_MS", "5000");
        topics.forEach((id, name) -> environment.put(variable("topic." + id + ".name"), name));
        extra.forEach((key, value) -> environment.put(variable(key), value));
        return TickflowConfig.load(Optional.empty(), environment, ApiSettings.definition());
    }

    private static String variable(String key) {
        return "TICKFLOW_" + key.replace("_", "__").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** A 1m candle of the symbol closing at {@code close}. */
    static Candle candle(String symbol, int minute, String close) {
        Instant open = T0.plusSeconds(60L * minute);
        BigDecimal price = new BigDecimal(close).setScale(8);
        // rising candles, every fourth one falling, with wicks
        BigDecimal openPrice = minute % 4 == 3 ? price.add(BigDecimal.valueOf(6)) : price.subtract(BigDecimal.TEN);
        return Candle.newBuilder(SampleRecords.candle()).setSymbol(symbol).setOpenTime(open).setCloseTime(open.plusMillis(59_999))
                .setOpen(openPrice).setHigh(openPrice.max(price).add(BigDecimal.valueOf(4)))
                .setLow(openPrice.min(price).subtract(BigDecimal.valueOf(3))).setClose(price).build();
    }

    static String btcClose(int minute) {
        return String.valueOf(97_000 + 10 * minute) + ".12";
    }

    /** SMA and EMA, in their own fields and in the map of every published indicator. */
    static IndicatorSnapshot indicator(String instance, int minute) {
        BigDecimal close = new BigDecimal(btcClose(minute)).setScale(8);
        BigDecimal sma = close.subtract(new BigDecimal("25")).setScale(16);
        BigDecimal ema = close.subtract(new BigDecimal("12.5")).setScale(16);
        return IndicatorSnapshot.newBuilder(SampleRecords.indicatorSnapshot()).setStrategyInstance(instance).setSymbol(BTC)
                .setOpenTime(T0.plusSeconds(60L * minute)).setClose(close).setSma(sma).setEma(ema)
                .setIndicators(Map.of("sma", sma, "ema", ema)).build();
    }

    static Signal signal(String instance, int minute, TargetPosition target) {
        return Signal.newBuilder(SampleRecords.signal()).setStrategyInstance(instance).setSymbol(BTC)
                .setSignalId(instance + "-" + BTC + "-" + minute).setCandleOpenTime(T0.plusSeconds(60L * minute))
                .setTarget(target).setReason(target == TargetPosition.LONG ? SignalReason.CROSS_UP : SignalReason.CROSS_DOWN).setPrice(new BigDecimal(btcClose(minute)).setScale(8)).build();
    }

    static Trade trade(String symbol, long id, String price, int second) {
        Instant time = T0.plusSeconds(60L * CANDLES + second);
        return Trade.newBuilder(SampleRecords.trade()).setSymbol(symbol).setTradeId(id).setFirstTradeId(id).setLastTradeId(id)
                .setPrice(new BigDecimal(price).setScale(8)).setTradeTime(time).setEventTime(time).setIngestTime(time).build();
    }

    /** Everything the API should serve at start. */
    void produceHistory() {
        for (int minute = 0; minute < CANDLES; minute++) {
            produce("md.candles.1m", BTC, candle(BTC, minute, btcClose(minute)));
            produce("strategy.indicators", BTC, indicator("A", minute));
            produce("strategy.indicators", BTC, indicator("B", minute));
        }
        produce("md.candles.1m", ETH, candle(ETH, 0, "3301.5"));
        produce("strategy.signals", BTC, signal("A", 12, TargetPosition.LONG));
        produce("oms.orders", BTC, OrderEvent.newBuilder(SampleRecords.orderEvent()).build());
        produce("oms.orders", BTC, OrderEvent.newBuilder(SampleRecords.orderEventMarketNew()).setStrategyInstance("B").build());
        produce("oms.fills", BTC, SampleRecords.fill());
        produce("oms.fills", BTC, Fill.newBuilder(SampleRecords.fillPaper()).setStrategyInstance("B").build());
        produce("oms.positions", "A|" + BTC, SampleRecords.position());
        produce("oms.positions", "B|" + BTC, Position.newBuilder(SampleRecords.positionFlat()).setStrategyInstance("B").build());
        produce("md.trades", BTC, trade(BTC, 1, "97290.00", 1));
        produce("md.trades", BTC, trade(BTC, 2, "97291.50", 2));
        produce("md.trades", ETH, trade(ETH, 7, "3302.25", 1));
        produce("control.symbols", ETH, SymbolCommand.newBuilder(SampleRecords.symbolCommand()).setSymbol(ETH).build());
    }

    /** Writes a record (or a tombstone when {@code value} is null) to the topic of that id. */
    <T extends SpecificRecord> void produce(String topicId, String key, T value) {
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        AvroSerializer<T> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.confluentApiUrl()), false);
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(properties, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topics.get(topicId), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topicId, e.getCause());
        }
    }

    /** control.symbols from its beginning: key to command, a tombstone as a null command, in order. */
    List<Map.Entry<String, SymbolCommand>> readControl() {
        return read("control.symbols", SymbolCommand.class);
    }

    /** A one-partition topic from its beginning: key to value, a tombstone as null, in order. */
    <T extends SpecificRecord> List<Map.Entry<String, T>> read(String topicId, Class<T> type) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type);
        deserializer.configure(Map.of("schema.registry.url", registry.confluentApiUrl()), false);
        List<Map.Entry<String, T>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topics.get(topicId), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(new AbstractMap.SimpleEntry<>(record.key(),
                            record.value() == null ? null : deserializer.deserialize(record.topic(), record.value())));
                }
            }
        }
        return read;
    }

    /** An HTTP exchange's status and body. */
    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Response get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    Response send(URI base, String method, String path, String authorization) {
        return sendWithHeaders(base, method, path, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    Response sendWithHeaders(URI base, String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A POST with a JSON body and these headers. */
    Response postJson(URI base, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }
}
