package dev.tickflow.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
  * Reads Confluent's wire format: fetches the writer schema by the id in the header (once per id) and
  * resolves it against the reader schema of the target class, so data written with an older or newer
  * compatible schema decodes into today's class. The target class is the constructor's, else the one
  * configured by {@code specific.avro.key.type}/{@code specific.avro.value.type}, else the generated
  * class named like the writer schema; with {@code specific.avro.reader=false} and no class, records
  * come back as {@link org.apache.avro.generic.GenericRecord}. Null bytes become null. Thread-safe.
  * A call that needs the registry while it is unavailable waits for it with back-off, up to
  * {@link SerdeConfig#unavailableMaxWaitMs()}, then throws {@link SchemaRegistryUnavailableException}: the record
  * is fine, try again later.
  */
public class AvroDeserializer<T> implements Deserializer<T> {

    private static final GenericData GENERIC = new GenericData();
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    static {
        GENERIC.addLogicalTypeConversion(new CompactDecimalConversion());
        GENERIC.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    private final ConcurrentMap<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private Reader<T> last;
    private final Class<? extends T> constructedType;
    private Class<?> type;
    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean specificReader = SerdeConfig.DEFAULT_SPECIFIC_AVRO_READER;

    /** For Kafka's {@code key.deserializer}/{@code value.deserializer}: {@link #configure} must follow. */
    public AvroDeserializer() {
        this.constructedType = null;
    }

    /** A deserializer into the given generated class; {@link #configure} must follow. */
    public AvroDeserializer(Class<? extends T> type) {
        this.constructedType = requireSpecific(type, "type");
        this.type = type;
    }

    /** A value deserializer into the given generated class on the given registry client; {@link #configure} is optional. */
    public AvroDeserializer(Class<? extends T> type, SchemaRegistryClient client) {
        this(type);
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A value deserializer that picks the class by the writer schema's name, on the given registry client. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this.constructedType = null;
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SerdeConfig config = client == null ? SerdeConfig.parse(configs) : SerdeConfig.parseWithOptionalUrl(configs);
        configure(config, client == null ? SchemaRegistryClient.create(config) : client, isKey);
    }

    void configure(SerdeConfig config, SchemaRegistryClient client, boolean isKey) {
        this.client = client;
        this.isKey = isKey;
        this.specificReader = config.specificAvroReader();
        this.type = constructedType != null ? constructedType : loadConfiguredType(config, isKey);
        this.readers.clear();
        this.last = null;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(data, topic, isKey);
        Reader<T> cached = last;
        DatumReader<T> reader;
        if (cached != null && cached.id == id) {
            reader = cached.datumReader;
        } else {
            reader = readerFor(id, topic);
            last = new Reader<>(id, reader);
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, DECODERS.get());
        DECODERS.set(decoder);
        try {
            return reader.read(null, decoder);
        } catch (EOFException e) {
            throw new SerializationException("Cannot deserialize the " + what(topic) + ": the Avro body ("
                    + (data.length - WireFormat.HEADER_SIZE) + " bytes after the 5-byte header) ends before the record"
                    + " of schema id " + id + " is complete. The data is truncated or corrupt.", e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize the " + what(topic) + " with writer schema id " + id
                    + ": " + e.getMessage() + ". The data does not match the schema its header names: it is corrupt or was"
                    + " written with a different registry.", e);
        }
    }

    private DatumReader<T> readerFor(int id, String topic) {
        DatumReader<T> known = readers.get(id);
        if (known != null) {
            return known;
        }
        if (client == null) {
            throw new SerializationException("AvroDeserializer is not configured: call configure(...) with "
                    + SerdeConfig.SCHEMA_REGISTRY_URL + ", or construct it with a SchemaRegistryClient.");
        }
        Schema writer;
        try {
            writer = client.getSchemaById(id);
        } catch (SchemaRegistryUnavailableException e) {
            throw new SchemaRegistryUnavailableException("Cannot deserialize the " + what(topic) + " yet: ", e);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot deserialize the " + what(topic) + ": " + e.getMessage(), e);
        }
        return readers.computeIfAbsent(id, unused -> newReader(writer, id, topic));
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(Schema writer, int id, String topic) {
        Class<?> target = type != null ? type : specificReader ? generatedClassFor(writer, id, topic) : null;
        if (target == null) {
            return new GenericDatumReader<>(writer, writer, GENERIC);
        }
        SpecificData model = SpecificData.getForClass(target);
        Schema reader = model.getSchema(target);
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Cannot deserialize the " + what(topic) + ": it was written with schema id "
                    + id + " (" + writer.getFullName() + "), which " + target.getName() + " cannot read: "
                    + compatibility.getDescription() + ". The topic carries another record type or an incompatible version:"
                    + " check the topic and the deserializer's class.");
        }
        return new SpecificDatumReader<>(writer, reader, model);
    }

    private Class<?> generatedClassFor(Schema writer, int id, String topic) {
        if (writer.getType() != Schema.Type.RECORD) {
            return null;
        }
        Class<?> found = SpecificData.get().getClass(writer);
        if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
            throw new SerializationException("Cannot deserialize the " + what(topic) + ": schema id " + id + " is "
                    + writer.getFullName() + ", and no generated class of that name is on the classpath. Add the jar with"
                    + " the generated classes, pass the class to the deserializer, or set "
                    + SerdeConfig.SPECIFIC_AVRO_READER + "=false to get GenericRecords.");
        }
        return found;
    }

    private static Class<?> loadConfiguredType(SerdeConfig config, boolean isKey) {
        String name = config.specificType(isKey);
        if (name == null) {
            return null;
        }
        String key = isKey ? SerdeConfig.SPECIFIC_AVRO_KEY_TYPE : SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> loaded = Class.forName(name, true, loader != null ? loader : AvroDeserializer.class.getClassLoader());
            return requireSpecific(loaded, key);
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            throw new ConfigException("Invalid value '" + name + "' for configuration '" + key
                    + "': expected the name of a generated Avro class (a SpecificRecord) on the classpath.");
        }
    }

    private static <C> Class<C> requireSpecific(Class<C> type, String what) {
        Objects.requireNonNull(type, what);
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(what + " " + type.getName() + " is not a generated Avro class (SpecificRecord)");
        }
        return type;
    }

    private String what(String topic) {
        return WireFormat.describe(topic, isKey);
    }

    private record Reader<T>(int id, DatumReader<T> datumReader) {
    }
}
