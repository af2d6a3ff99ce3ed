package dev.tickflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.SampleRecords;
import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.WithSchemaRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The serde against a real Kafka broker and a real Confluent-compatible registry (Apicurio). */
@WithKafka
@WithSchemaRegistry
class SerdeAgainstRealInfrastructureIT {

    @Test
    void everyRecordTravelsThroughTheBrokerAndComesBackEqual(KafkaBroker broker, TestTopics topics, ApicurioRegistry registry) {
        Map<String, List<SpecificRecord>> sent = new LinkedHashMap<>();
        for (SpecificRecord record : SampleRecords.allVariants()) {
            String topic = topics.name(record.getSchema().getName());
            sent.computeIfAbsent(topic, t -> new ArrayList<>()).add(record);
        }
        sent.keySet().forEach(topic -> broker.createTopic(topic, 1));

        Map<String, Object> producerConfig = new LinkedHashMap<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", AvroSerializer.class.getName(),
                "enable.idempotence", true,
                SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerConfig)) {
            sent.forEach((topic, records) -> records.forEach(record -> producer.send(new ProducerRecord<>(topic, "BTCUSDT", record))));
            producer.flush();
        }

        Map<String, Object> consumerConfig = new LinkedHashMap<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "group.id", topics.name("reader"),
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", AvroDeserializer.class.getName(),
                SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()));
        Map<String, List<Object>> received = new LinkedHashMap<>();
        int expected = sent.values().stream().mapToInt(List::size).sum();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.copyOf(sent.keySet()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int count = 0;
            while (count < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    received.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record.value());
                    count++;
                }
            }
        }

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void registryRejectsAnIncompatibleSchemaWith409(TestTopics topics, ApicurioRegistry registry) {
        String topic = topics.name("md.candles.1m");
        Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl());
        try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>()) {
            serializer.configure(config, false);
            serializer.serialize(topic, SampleRecords.candle());

            assertThatThrownBy(() -> serializer.serialize(topic, SampleRecords.trade()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("409")
                    .hasMessageContaining(topic + "-value");
        }
    }

    @Test
    void unknownSchemaIdIsAClearError(TestTopics topics, ApicurioRegistry registry) {
        byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(987_654).put((byte) 2).array();
        try (AvroDeserializer<Trade> deserializer = new AvroDeserializer<>(Trade.class)) {
            deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl()), false);

            assertThatThrownBy(() -> deserializer.deserialize(topics.name("md.trades"), bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("987654");
        }
    }

    @Test
    void aFreshClientFindsTheWriterSchemaByIdInTheRegistry(TestTopics topics, ApicurioRegistry registry) {
        String topic = topics.name("md.candles.1m");
        Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl());
        byte[] bytes;
        try (AvroSerde<Candle> writer = AvroSerde.forClass(Candle.class, config, false)) {
            bytes = writer.serializer().serialize(topic, SampleRecords.candle());
        }
        try (AvroSerde<Candle> reader = AvroSerde.forClass(Candle.class, config, false)) {
            assertThat(reader.deserializer().deserialize(topic, bytes)).isEqualTo(SampleRecords.candle());
        }
    }
}
