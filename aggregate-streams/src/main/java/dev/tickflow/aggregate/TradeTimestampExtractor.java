package dev.tickflow.aggregate;

import dev.tickflow.schema.Trade;
import dev.tickflow.topics.Watermarks;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is trade time, or a source watermark's time: stream time, and so the closing of windows, follows the
 * exchange's clock as the data in the partition says it, never the time of writing or reading. Any other record
 * keeps the partition's time.
 */
public final class TradeTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Trade trade && trade.getTradeTime().toEpochMilli() >= 0) {
            return trade.getTradeTime().toEpochMilli();
        }
        if (record.value() == null) {
            long watermark = Watermarks.of(record.headers()).orElse(-1);
            if (watermark >= 0) {
                return watermark;
            }
        }
        return Math.max(partitionTime, 0);
    }
}
