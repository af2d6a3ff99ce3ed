package dev.tickflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.ingest.simulator.MarketGenerator;
import dev.tickflow.schema.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TradeSinkTest {
    private final IngestStats stats = new IngestStats();
    private final List<IngestFailure> failures = new ArrayList<>();
    private final MockProducer<String, Trade> producer = new MockProducer<>(false, null, new StringSerializer(), noSerializer());
    private final TradeSink sink = new TradeSink(producer, "md.trades", stats, failures::add, "127.0.0.1:9092", 120_000);
    private final MarketGenerator market = new MarketGenerator(1);

    TradeSinkTest() {
        market.add("BTCUSDT", 0);
    }

    @Test
    void producerSettingsKeepOrderAndDurabilityAndGiveUpAfterTheSetting() {
        IngestSettings settings = IngestTestSupport.settings(Map.of("ingest.give.up.ms", "45000"));
        Map<String, Object> config = TradeSink.producerConfig(settings);
        assertThat(config).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 45_000L)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 22_500);
    }

    @Test
    void kafkaKeysWinForTuning() {
        IngestSettings settings = IngestTestSupport.settings(Map.of("kafka.linger.ms", "20", "kafka.compression.type", "zstd"));
        assertThat(TradeSink.producerConfig(settings)).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }

    @Test
    void writesTradesKeyedBySymbolAndCountsThemWhenAcknowledged() {
        Trade trade = market.next();
        sink.onTrade(trade);
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("md.trades");
            assertThat(record.key()).isEqualTo("BTCUSDT");
            assertThat(record.value()).isEqualTo(trade);
        });
        assertThat(stats.trades()).isZero();
        producer.completeNext();
        assertThat(stats.of("BTCUSDT").trades()).isEqualTo(1);
        assertThat(stats.of("BTCUSDT").lastTradeTime()).isEqualTo(trade.getTradeTime().toEpochMilli());
    }

    @Test
    void aTradeThatCannotBeWrittenIsFatalAndStopsFurtherTrades() {
        sink.onTrade(market.next());
        producer.errorNext(new TimeoutException("Expiring 1 record(s) for md.trades-0: 120000 ms has passed"));
        assertThat(failures).singleElement().satisfies(failure -> assertThat(failure.getMessage())
                .contains("Trade 1 of BTCUSDT", "md.trades", "127.0.0.1:9092", "ingest.give.up.ms", "120000 ms has passed"));
        assertThatThrownBy(() -> sink.onTrade(market.next())).isSameAs(failures.get(0));
        assertThat(stats.trades()).isZero();
    }

    @Test
    void gapsAreCountedPerSymbol() {
        sink.onGap("ETHUSDT", 10, 14, "test");
        assertThat(stats.of("ETHUSDT").gaps()).isEqualTo(1);
        assertThat(stats.of("ETHUSDT").missingTrades()).isEqualTo(5);
    }

    private static Serializer<Trade> noSerializer() {
        return (topic, trade) -> new byte[0];
    }
}
