package dev.tickflow.ingest.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.ingest.TradeListener;
import dev.tickflow.schema.Trade;
import dev.tickflow.testkit.KafkaBroker;
import dev.tickflow.testkit.TestTopics;
import dev.tickflow.testkit.WithKafka;
import dev.tickflow.testkit.binance.FakeBinance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * FakeBinance → BinanceSource → a Kafka producer → md.trades on a real broker, through a dropped connection.
 * Values are Avro single-object encoded here; the Confluent-format path is the ingest service's own test.
 */
@WithKafka
@Timeout(120)
class BinanceSourceToKafkaIT {

    @Test
    void everyAggregateTradeReachesTheTopicOnceAndInOrder(KafkaBroker broker, TestTopics topics) throws Exception {
        String topic = topics.create("md.trades", 1);
        List<String> gaps = new CopyOnWriteArrayList<>();
        try (FakeBinance fake = new FakeBinance();
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
                BinanceSource source = new BinanceSource(BinanceSourceSettings.testnet()
                        .withUrls(fake.streamUrl(), fake.restUrl())
                        .withTimings(Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(100),
                                Duration.ofMillis(20), Duration.ofMillis(10)))) {
            source.subscribe("BTCUSDT");
            source.start(new TradeListener() {
                @Override
                public void onTrade(Trade trade) {
                    producer.send(new ProducerRecord<>(topic, trade.getSymbol(), encode(trade)));
                }

                @Override
                public void onGap(String symbol, long fromTradeId, long toTradeId, String reason) {
                    gaps.add(symbol + " " + fromTradeId + ".." + toTradeId);
                }
            });
            fake.awaitConnection(1, "BTCUSDT");
            fake.trade("BTCUSDT", 100);
            FakeBinance.await(Duration.ofSeconds(20),
                    () -> source.progress("BTCUSDT").orElseThrow().trades() == 100);
            fake.dropConnections();
            fake.trade("BTCUSDT", 1_500);
            fake.awaitConnection(2, "BTCUSDT");
            fake.trade("BTCUSDT", 100);
            FakeBinance.await(Duration.ofSeconds(30),
                    () -> source.progress("BTCUSDT").orElseThrow().trades() == 1_700);
            producer.flush();

            List<Long> expected = fake.ids("BTCUSDT");
            assertThat(readIds(broker, topic, expected.size())).isEqualTo(expected);
            assertThat(gaps).isEmpty();
        }
    }

    private static List<Long> readIds(KafkaBroker broker, String topic, int count) {
        List<Long> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ids.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.key()).isEqualTo("BTCUSDT");
                    ids.add(decode(record.value()).getTradeId());
                }
            }
        }
        return ids;
    }

    private static byte[] encode(Trade trade) {
        try {
            ByteBuffer buffer = trade.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Trade decode(byte[] bytes) {
        try {
            return Trade.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
