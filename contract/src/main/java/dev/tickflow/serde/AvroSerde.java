package dev.tickflow.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
  * {@link AvroSerializer} and {@link AvroDeserializer} for one generated class, sharing one registry
  * client. For Kafka Streams: {@code AvroSerde.forClass(Trade.class, config, false)}, or create and
  * call {@link #configure} explicitly (Streams does not configure serdes passed to {@code Consumed.with}).
  */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SchemaRegistryClient client;
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** For Streams' {@code default.value.serde}: the deserializer picks the class by the writer schema's name. */
    public AvroSerde() {
        this.client = null;
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
    }

    /** A serde for the class; {@link #configure} must follow. */
    public AvroSerde(Class<T> type) {
        this.client = null;
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>(type);
    }

    /** A value serde for the class on the given registry client; {@link #configure} is optional. */
    public AvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.client = client;
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(type, client);
    }

    /** A serde for the class; {@link #configure} must follow. */
    public static <T extends SpecificRecord> AvroSerde<T> forClass(Class<T> type) {
        return new AvroSerde<>(type);
    }

    /** A serde for the class, configured with the serde keys of {@link SerdeConfig}. */
    public static <T extends SpecificRecord> AvroSerde<T> forClass(Class<T> type, Map<String, ?> configs, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = client == null ? SerdeConfig.parse(configs) : SerdeConfig.parseWithOptionalUrl(configs);
        SchemaRegistryClient shared = client == null ? SchemaRegistryClient.create(config) : client;
        serializer.configure(config, shared, isKey);
        deserializer.configure(config, shared, isKey);
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }
}
