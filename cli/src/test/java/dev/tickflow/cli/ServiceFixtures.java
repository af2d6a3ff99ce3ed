package dev.tickflow.cli;

import dev.tickflow.localstack.process.ApicurioRegistry;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.testkit.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the service fixtures share: the settings every service under test gets, its properties file, an Avro producer. */
final class ServiceFixtures {

    private ServiceFixtures() {
    }

    /** Settings of a service under test on {@code broker} and {@code registry}, with its state under {@code dir}. */
    static Map<String, String> baseSettings(KafkaBroker broker, ApicurioRegistry registry, String applicationId, Path dir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("schema.registry.url", registry.confluentApiUrl());
        settings.put("application.id", applicationId);
        settings.put("state.dir", dir.resolve("state").toString());
        settings.put("http.port", "0");
        settings.put("shutdown.timeout.ms", "10000");
        // a killed instance leaves the group after 6 s instead of 45 s
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("kafka.heartbeat.interval.ms", "1500");
        return settings;
    }

    /** Writes {@code settings} to {@code file} as a properties file for {@code tickflow <service> --config}. */
    static Path writeProperties(Map<String, String> settings, Path file, String comment) {
        try (Writer writer = Files.newBufferedWriter(file)) {
            Properties properties = new Properties();
            properties.putAll(settings);
            properties.store(writer, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Produces {@code records} in order with an idempotent producer (acks=all); returns where each went. */
    static <T extends SpecificRecord> List<RecordMetadata> produce(KafkaBroker broker, ApicurioRegistry registry,
                                                                   List<ProducerRecord<String, T>> records) {
        Map<String, Object> properties = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all");
        AvroSerializer<T> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", registry.confluentApiUrl()), false);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(properties, new StringSerializer(), serializer)) {
            records.forEach(record -> sent.add(producer.send(record)));
            producer.flush();
            List<RecordMetadata> metadata = new ArrayList<>();
            for (Future<RecordMetadata> future : sent) {
                metadata.add(future.get());
            }
            return metadata;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + records.get(0).topic(), e.getCause());
        }
    }
}
