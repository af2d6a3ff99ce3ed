package dev.tickflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroDeserializer;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.serde.SchemaRegistryUnavailableException;
import dev.tickflow.serde.SerdeConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** The handlers with the serde's real failures: an unreachable registry, and bytes that are not a Trade. */
class RegistryAwareHandlersTest {
    private static final String DLQ = "md.trades.dlq";
    private static final byte[] KEY = "BTCUSDT".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_A_TRADE = "not a trade".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Object> serdeConfig = Map.of(
            SerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + closedPort(),
            SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, 0);

    @Test
    void aRecordThatWaitsForTheRegistryFailsTheThreadWithoutADeadLetter() {
        RegistryAwareDeserializationHandler handler = deserializationHandler();
        byte[] trade = {0, 0, 0, 0, 1, 2};
        Exception unavailable = new StreamsException(catchException(() -> tradeDeserializer().deserialize("md.trades", trade)));
        assertThat(SchemaRegistryUnavailableException.findIn(unavailable)).isPresent();

        DeserializationExceptionHandler.Response response = handler.handleError(context(trade), record(trade), unavailable);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void aMalformedRecordIsSkippedToTheDeadLetterTopic() {
        RegistryAwareDeserializationHandler handler = deserializationHandler();
        Exception malformed = catchException(() -> tradeDeserializer().deserialize("md.trades", NOT_A_TRADE));
        assertThat(SchemaRegistryUnavailableException.findIn(malformed)).isEmpty();

        DeserializationExceptionHandler.Response response = handler.handleError(context(NOT_A_TRADE), record(NOT_A_TRADE), malformed);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(DLQ);
            assertThat(dead.value()).isEqualTo(NOT_A_TRADE);
        });
    }

    @Test
    void anOutputThatWaitsForTheRegistryFailsWithoutADeadLetter() {
        RegistryAwareProductionHandler handler = new RegistryAwareProductionHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ));
        AvroSerializer<Trade> serializer = new AvroSerializer<>();
        serializer.configure(serdeConfig, false);
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        Trade trade = Trade.newBuilder().setExchange("binance").setSymbol("BTCUSDT").setTradeId(1).setFirstTradeId(1)
                .setLastTradeId(1).setPrice(new BigDecimal("97250.12000000")).setQuantity(new BigDecimal("0.01000000"))
                .setTradeTime(time).setBuyerIsMaker(false).setEventTime(time).setIngestTime(time).build();
        Exception unavailable = catchException(() -> serializer.serialize("md.trades.late", trade));

        ProductionExceptionHandler.Response response = handler.handleSerializationError(context(NOT_A_TRADE),
                new ProducerRecord<>("md.trades.late", "BTCUSDT", trade), unavailable, SerializationExceptionOrigin.VALUE);

        assertThat(unavailable).isInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private RegistryAwareDeserializationHandler deserializationHandler() {
        RegistryAwareDeserializationHandler handler = new RegistryAwareDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ));
        return handler;
    }

    private AvroDeserializer<Trade> tradeDeserializer() {
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(serdeConfig, false);
        return deserializer;
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("md.trades", 0, 7L, KEY, value);
    }

    private static ErrorHandlerContext context(byte[] value) {
        return new SourceContext(new RecordHeaders(), value);
    }

    private record SourceContext(Headers headers, byte[] sourceRawValue) implements ErrorHandlerContext {
        @Override
        public String topic() {
            return "md.trades";
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 7L;
        }

        @Override
        public String processorNodeId() {
            return "trades";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public long timestamp() {
            return 0L;
        }

        @Override
        public byte[] sourceRawKey() {
            return KEY;
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
