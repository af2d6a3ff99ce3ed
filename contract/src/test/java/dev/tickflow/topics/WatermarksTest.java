package dev.tickflow.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class WatermarksTest {

    @Test
    void aWatermarkIsAnEmptyRecordForOnePartitionStampedWithItsTime() {
        ProducerRecord<String, byte[]> record = Watermarks.record("md.trades", 2, 1_700_000_065_000L);

        assertThat(record.partition()).isEqualTo(2);
        assertThat(record.key()).isNull();
        assertThat(record.value()).isNull();
        assertThat(record.timestamp()).isEqualTo(1_700_000_065_000L);
        assertThat(new String(record.headers().lastHeader(Watermarks.HEADER).value(), StandardCharsets.US_ASCII))
                .isEqualTo("1700000065000");
        assertThat(Watermarks.of(record.headers())).hasValue(1_700_000_065_000L);
    }

    @Test
    void recordsWithoutAReadableWatermarkHeaderAreNoWatermarks() {
        assertThat(Watermarks.of(null)).isEmpty();
        assertThat(Watermarks.of(new RecordHeaders())).isEmpty();
        RecordHeaders garbled = new RecordHeaders();
        garbled.add(Watermarks.HEADER, "soon".getBytes(StandardCharsets.US_ASCII));
        assertThat(Watermarks.of(garbled)).isEmpty();
    }
}
