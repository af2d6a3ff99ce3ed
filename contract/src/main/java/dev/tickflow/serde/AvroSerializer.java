package dev.tickflow.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
  * Writes generated Avro records in Confluent's wire format, registering (or, with
  * {@code auto.register.schemas=false}, looking up) each record class's schema under the subject
  * {@code <topic>-value} or {@code <topic>-key}. A null record becomes null bytes (a tombstone).
  * The schema id and the datum writer are resolved once per topic and schema; after that a record
  * costs one Avro encoding. Thread-safe.
  * A call that needs the registry while it is unavailable waits for it with back-off, up to
  * {@link SerdeConfig#unavailableMaxWaitMs()}, then throws {@link SchemaRegistryUnavailableException}: the record
  * is fine, try again later.
  */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final int MAX_RETAINED_BUFFER = 1 << 20;
    private static final ThreadLocal<EncodeBuffer> BUFFERS = ThreadLocal.withInitial(EncodeBuffer::new);

    private final ConcurrentMap<WriterKey, Writer<T>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegisterSchemas = SerdeConfig.DEFAULT_AUTO_REGISTER_SCHEMAS;
    private Writer<T> last;

    /** For Kafka's {@code key.serializer}/{@code value.serializer}: {@link #configure} must follow. */
    public AvroSerializer() {
    }

    /** A value serializer on the given registry client, with default settings; {@link #configure} is optional. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A serializer on the given registry client, configured with the serde keys of {@link SerdeConfig}. */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = client == null ? SerdeConfig.parse(configs) : SerdeConfig.parseWithOptionalUrl(configs);
        configure(config, client == null ? SchemaRegistryClient.create(config) : client, isKey);
    }

    void configure(SerdeConfig config, SchemaRegistryClient client, boolean isKey) {
        this.client = client;
        this.isKey = isKey;
        this.autoRegisterSchemas = config.autoRegisterSchemas();
        this.writers.clear();
        this.last = null;
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        Writer<T> writer = last;
        if (writer == null || writer.schema != schema || !writer.topic.equals(topic)) {
            writer = writerFor(topic, record);
            last = writer;
        }
        return encode(writer, record);
    }

    /** The subject of a topic's keys or values: Confluent's TopicNameStrategy. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    private Writer<T> writerFor(String topic, T record) {
        if (client == null) {
            throw new SerializationException("AvroSerializer is not configured: call configure(...) with "
                    + SerdeConfig.SCHEMA_REGISTRY_URL + ", or construct it with a SchemaRegistryClient.");
        }
        if (topic == null) {
            throw new SerializationException("Cannot serialize " + record.getSchema().getFullName() + " without a topic:"
                    + " the subject is derived from the topic name (<topic>-key / <topic>-value).");
        }
        return writers.computeIfAbsent(new WriterKey(topic, record.getSchema()), key -> newWriter(key, record));
    }

    private Writer<T> newWriter(WriterKey key, T record) {
        String subject = subject(key.topic, isKey);
        int id;
        try {
            id = autoRegisterSchemas ? client.register(subject, key.schema) : client.getId(subject, key.schema);
        } catch (SchemaRegistryUnavailableException e) {
            throw new SchemaRegistryUnavailableException("Cannot serialize " + key.schema.getFullName() + " as "
                    + what(key.topic) + " yet: ", e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot serialize " + key.schema.getFullName() + " as " + what(key.topic)
                    + ": " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        DatumWriter<T> datumWriter = new SpecificDatumWriter<>(key.schema, SpecificData.getForClass(type));
        return new Writer<>(key.topic, key.schema, subject, id, WireFormat.header(id), datumWriter);
    }

    private byte[] encode(Writer<T> writer, T record) {
        EncodeBuffer buffer = BUFFERS.get();
        buffer.reset();
        buffer.write(writer.header, 0, WireFormat.HEADER_SIZE);
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
            buffer.encoder = encoder;
            writer.datumWriter.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            BUFFERS.remove();
            String reason = DecimalDiagnostics.explain(record).orElse(String.valueOf(e.getMessage()));
            throw new SerializationException("Cannot serialize " + writer.schema.getFullName() + " as " + what(writer.topic)
                    + " (subject " + writer.subject + ", schema id " + writer.id + "): " + reason, e);
        }
        byte[] bytes = buffer.toByteArray();
        if (buffer.capacity() > MAX_RETAINED_BUFFER) {
            BUFFERS.remove();
        }
        return bytes;
    }

    private String what(String topic) {
        return WireFormat.describe(topic, isKey);
    }

    private record Writer<T>(String topic, Schema schema, String subject, int id, byte[] header,
            DatumWriter<T> datumWriter) {
    }

    /** A topic and a schema instance: generated classes share one schema instance, so identity is enough. */
    private record WriterKey(String topic, Schema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof WriterKey key && key.schema == schema && key.topic.equals(topic);
        }

        @Override
        public int hashCode() {
            return topic.hashCode() * 31 + System.identityHashCode(schema);
        }
    }

    private static final class EncodeBuffer extends ByteArrayOutputStream {
        private BinaryEncoder encoder;

        EncodeBuffer() {
            super(256);
        }

        int capacity() {
            return buf.length;
        }
    }
}
