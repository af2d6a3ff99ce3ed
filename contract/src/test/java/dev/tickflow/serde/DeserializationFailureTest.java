package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.schema.Candle;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Trade;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeserializationFailureTest {

    private static final String TOPIC = "md.trades";

    private final String scope = "failures-" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void wrongMagicByteSaysWhichByteAndThatItIsNotConfluentWireFormat() {
        byte[] bytes = validTradeBytes();
        bytes[0] = 1;

        assertThatThrownBy(() -> deserializer(false).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("value of topic 'md.trades'")
                .hasMessageContaining("first byte is 0x01")
                .hasMessageContaining("not the magic byte 0x00")
                .hasMessageContaining("not in Confluent's wire format");
    }

    @Test
    void jsonInsteadOfAvroIsRecognisedAsText() {
        byte[] json = "{\"symbol\":\"BTCUSDT\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer(true).deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("key of topic 'md.trades'")
                .hasMessageContaining("0x7b ('{'");
    }

    @Test
    void unknownSchemaIdNamesIdRegistryAndTopic() {
        byte[] bytes = {0, 0, 0, 0x27, 0x0f, 2, 'x'};

        assertThatThrownBy(() -> deserializer(false).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema id 9999 is not known")
                .hasMessageContaining("mock://" + scope)
                .hasMessageContaining("topic 'md.trades'")
                .hasMessageContaining("point schema.registry.url at the registry the producer used");
    }

    @Test
    void emptyBytesAreTruncated() {
        assertThatThrownBy(() -> deserializer(false).deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("got 0 bytes")
                .hasMessageContaining("at least 5")
                .hasMessageContaining("topic 'md.trades'");
    }

    @Test
    void threeBytesAreTruncated() {
        assertThatThrownBy(() -> deserializer(false).deserialize(TOPIC, new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("got 3 bytes")
                .hasMessageContaining("magic byte 0x00 and a 4-byte schema id");
    }

    @Test
    void headerWithoutBodyEndsEarly() {
        byte[] headerOnly = Arrays.copyOf(validTradeBytes(), WireFormat.HEADER_SIZE);

        assertThatThrownBy(() -> deserializer(false).deserialize(TOPIC, headerOnly))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("(0 bytes after the 5-byte header) ends before the record")
                .hasMessageContaining("truncated");
    }

    @Test
    void bodyCutShortEndsEarly() {
        byte[] valid = validTradeBytes();
        byte[] cut = Arrays.copyOf(valid, valid.length - 3);

        assertThatThrownBy(() -> deserializer(false).deserialize(TOPIC, cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("(" + (cut.length - 5) + " bytes after the 5-byte header) ends before the record")
                .hasMessageContaining("schema id 1");
    }

    @Test
    void anotherRecordTypeOnTheTopicIsNamed() {
        AvroSerializer<Candle> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        byte[] candle = serializer.serialize(TOPIC, SampleRecords.candle());

        assertThatThrownBy(() -> deserializer(false).deserialize(TOPIC, candle))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("(dev.tickflow.schema.Candle), which dev.tickflow.schema.Trade cannot read")
                .hasMessageContaining("check the topic and the deserializer's class");
    }

    @Test
    void aSchemaWithoutGeneratedClassIsExplained() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        int id = registry.register("x-value", RegistrySchemas.parse(
                "{\"type\":\"record\",\"name\":\"Unknown\",\"namespace\":\"com.example\",\"fields\":[]}"));
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(config, false);

        assertThatThrownBy(() -> deserializer.deserialize("x", WireFormat.header(id)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("com.example.Unknown")
                .hasMessageContaining("no generated class")
                .hasMessageContaining("specific.avro.reader=false");
    }

    @Test
    void theDeserializerStillWorksAfterFailures() {
        AvroDeserializer<Trade> deserializer = deserializer(false);
        byte[] valid = validTradeBytes();
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, Arrays.copyOf(valid, 9)))
                .isInstanceOf(SerializationException.class);

        assertThat(deserializer.deserialize(TOPIC, valid)).isEqualTo(SampleRecords.trade());
    }

    private byte[] validTradeBytes() {
        AvroSerializer<Trade> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        return serializer.serialize(TOPIC, SampleRecords.trade());
    }

    private AvroDeserializer<Trade> deserializer(boolean isKey) {
        AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class);
        deserializer.configure(config, isKey);
        return deserializer;
    }
}
