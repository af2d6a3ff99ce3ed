package dev.tickflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithKafka
class KafkaBrokerIT {

    private static KafkaBroker brokerFromBeforeAll;

    @BeforeAll
    static void rememberBroker(KafkaBroker broker) {
        brokerFromBeforeAll = broker;
    }

    @Test
    void allTestsShareOneBroker(KafkaBroker broker) {
        assertThat(broker).isSameAs(brokerFromBeforeAll);
    }

    @Test
    void withoutExternalBrokerOrDockerTheBrokerRunsInProcess(KafkaBroker broker) {
        assumeThat(System.getProperty(KafkaBroker.BOOTSTRAP_PROPERTY)).isNull();
        assumeThat(System.getenv(KafkaBroker.BOOTSTRAP_ENV)).isNull();
        assumeThat(BrokerChoice.dockerStatus().available()).isFalse();

        assertThat(broker.kind()).isEqualTo(KafkaBroker.Kind.IN_PROCESS);
        assertThat(broker.bootstrapServers()).matches("[\\w.-]+:\\d+");
    }

    @Test
    void createsTopicWithPartitionsAndConfigs(KafkaBroker broker, TestTopics topics) throws Exception {
        String topic = topics.create("md.positions", 3, Map.of("cleanup.policy", "compact"));

        TopicDescription description = broker.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertThat(description.partitions()).hasSize(3);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String cleanupPolicy = broker.admin().describeConfigs(List.of(resource)).all().get()
                .get(resource).get("cleanup.policy").value();
        assertThat(cleanupPolicy).isEqualTo("compact");
    }

    @Test
    void recordsProducedAreConsumedBackEqual(KafkaBroker broker, TestTopics topics) throws Exception {
        String topic = topics.create("md.trades", 1);
        List<String> sent = IntStream.range(0, 100).mapToObj(i -> "trade-" + i).collect(Collectors.toList());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
            for (String value : sent) {
                producer.send(new ProducerRecord<>(topic, "BTCUSDT", value)).get();
            }
        }

        List<ConsumerRecord<String, String>> received = consumeAll(broker, topic, "read_uncommitted", sent.size());
        assertThat(received).extracting(ConsumerRecord::key).containsOnly("BTCUSDT");
        assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(sent);
    }

    @Test
    void readCommittedConsumerSeesExactlyTheCommittedTransactions(KafkaBroker broker, TestTopics topics) {
        String topic = topics.create("oms.orders", 1);
        Properties config = producerConfig(broker);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topics.name("executor-tx"));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            sendInTransaction(producer, topic, List.of("committed-1", "committed-2"));
            producer.commitTransaction();
            sendInTransaction(producer, topic, List.of("aborted-1"));
            producer.flush(); // written to the log, then aborted (unflushed records would just be dropped)
            producer.abortTransaction();
            sendInTransaction(producer, topic, List.of("committed-3"));
            producer.commitTransaction();
        }

        assertThat(consumeAll(broker, topic, "read_committed", 3)).extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "committed-3");
        // The aborted record did reach the log: only the isolation level hides it.
        assertThat(consumeAll(broker, topic, "read_uncommitted", 4)).extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "aborted-1", "committed-3");
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic, List<String> values) {
        producer.beginTransaction();
        values.forEach(value -> producer.send(new ProducerRecord<>(topic, "BTCUSDT", value)));
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    /** Reads the topic from the beginning until {@code expected} records arrived, then a little longer to catch extras. */
    private static List<ConsumerRecord<String, String>> consumeAll(KafkaBroker broker, String topic, String isolation, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-" + isolation);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }
}
