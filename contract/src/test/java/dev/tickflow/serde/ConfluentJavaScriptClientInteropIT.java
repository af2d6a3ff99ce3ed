package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.testkit.NodeScripts;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves interoperability with Confluent's own client (npm {@code @confluentinc/schemaregistry}, driven by
 * {@code src/test/node/interop.mjs}) against the same running registry: bytes each side writes, the other reads.
 * Needs Node and {@code npm ci} in src/test/node; skipped without them, except in CI, where it fails.
 */
@WithKafka // only for unique topic names: no broker starts
@WithSchemaRegistry
class ConfluentJavaScriptClientInteropIT {
    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    private static final NodeScripts NODE = new NodeScripts(NODE_DIR);
    private static final Path AVRO_DIR = Path.of("src/main/avro").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void requireNode() {
        NODE.requireInstalled("The interoperability test", "@confluentinc/schemaregistry");
    }

    static Stream<String> recordNames() {
        return SampleRecords.all().stream().map(record -> record.getSchema().getName());
    }

    @ParameterizedTest
    @MethodSource("recordNames")
    void bytesWrittenByThisSerdeDecodeWithConfluentsClient(String recordName, TestTopics topics, ApicurioRegistry registry) throws Exception {
        String topic = topics.name(recordName);
        List<SpecificRecord> records = SampleRecords.allVariants().stream()
                .filter(record -> record.getSchema().getName().equals(recordName)).toList();
        List<String> encoded = new ArrayList<>();
        try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()), false);
            records.forEach(record -> encoded.add(Base64.getEncoder().encodeToString(serializer.serialize(topic, record))));
        }

        List<String> decoded = node(encoded, "deserialize", "--registry", registry.confluentApiUrl(), "--topic", topic);

        assertThat(decoded).hasSameSizeAs(records);
        for (int i = 0; i < records.size(); i++) {
            assertThat(JSON.readTree(decoded.get(i))).as(recordName + " #" + i).isEqualTo(toJson(records.get(i)));
        }
    }

    @ParameterizedTest
    @MethodSource("recordNames")
    void bytesWrittenByConfluentsClientDecodeWithThisSerde(String recordName, TestTopics topics, ApicurioRegistry registry) throws Exception {
        String topic = topics.name(recordName);
        String sample = Files.readString(NODE_DIR.resolve("samples").resolve(recordName + ".json")).trim();

        List<String> encoded = node(List.of(sample), "serialize", "--registry", registry.confluentApiUrl(), "--topic", topic,
                "--schema", AVRO_DIR.resolve(recordName + ".avsc").toString(), "--schema-dir", AVRO_DIR.resolve("types").toString());
        byte[] bytes = Base64.getDecoder().decode(encoded.get(0));

        Class<? extends SpecificRecord> type = recordClass(recordName);
        try (AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>(cast(type))) {
            deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()), false);
            SpecificRecord record = deserializer.deserialize(topic, bytes);
            assertThat(record).isInstanceOf(type);
            assertThat(toJson(record)).isEqualTo(JSON.readTree(sample));
        }

        try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()), false);
            byte[] ours = serializer.serialize(topic, SampleRecords.all().stream()
                    .filter(r -> r.getSchema().getName().equals(recordName)).findFirst().orElseThrow());
            assertThat(schemaId(ours)).as("both clients register the same schema, so they share its id").isEqualTo(schemaId(bytes));
        }
    }

    /** A record in the JSON conventions of interop.mjs: decimals (also a map's) as plain strings, other map values as strings at the schema's scale, instants as epoch ms. */
    static JsonNode toJson(SpecificRecord record) {
        ObjectNode node = JSON.createObjectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            Schema schema = nonNullBranch(field.schema());
            if (value == null) {
                node.putNull(field.name());
            } else if (value instanceof BigDecimal decimal) {
                node.put(field.name(), plain(decimal, schema));
            } else if (value instanceof Map<?, ?> map) {
                ObjectNode entries = node.putObject(field.name());
                map.forEach((key, element) -> entries.put(key.toString(),
                        element instanceof BigDecimal decimal ? plain(decimal, schema.getValueType()) : element.toString()));
            } else if (value instanceof Instant instant) {
                node.put(field.name(), instant.toEpochMilli());
            } else {
                node.set(field.name(), JSON.valueToTree(value instanceof Enum<?> || value instanceof CharSequence ? value.toString() : value));
            }
        }
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decimal at its schema's scale, in plain notation. */
    private static String plain(BigDecimal decimal, Schema schema) {
        return decimal.setScale(((LogicalTypes.Decimal) schema.getLogicalType()).getScale()).toPlainString();
    }

    private static Schema nonNullBranch(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                ? schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow()
                : schema;
    }

    private static int schemaId(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends SpecificRecord> recordClass(String name) {
        return (Class<? extends SpecificRecord>) SpecificData.get().getClass(
                SampleRecords.all().stream().filter(r -> r.getSchema().getName().equals(name)).findFirst().orElseThrow().getSchema());
    }

    @SuppressWarnings("unchecked")
    private static Class<SpecificRecord> cast(Class<? extends SpecificRecord> type) {
        return (Class<SpecificRecord>) type;
    }

    /** Runs interop.mjs with {@code input} lines on stdin; returns its stdout lines, or fails with its stderr. */
    private static List<String> node(List<String> input, String... arguments) throws Exception {
        return NODE.run("interop.mjs", input, List.of(arguments), Duration.ofSeconds(60));
    }
}
