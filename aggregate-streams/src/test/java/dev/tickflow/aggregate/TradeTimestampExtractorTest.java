package dev.tickflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TradeTimestampExtractorTest {
    private final TradeTimestampExtractor extractor = new TradeTimestampExtractor();

    @Test
    void eventTimeIsTradeTimeNotTheRecordTimestamp() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("md.trades", 0, 0, "BTCUSDT",
                Trades.trade("BTCUSDT", 1, 1_234, "1", "1"));
        assertThat(extractor.extract(record, 0)).isEqualTo(Trades.T0.toEpochMilli() + 1_234);
    }

    @Test
    void anythingElseFallsBackToTheRecordTimestamp() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("md.trades", 0, 0, "BTCUSDT", null);
        assertThat(extractor.extract(record, 77)).isEqualTo(77);
    }
}
