package dev.tickflow.aggregate;

import dev.tickflow.schema.Trade;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Event time is trade time: stream time, and so the closing of windows, follows the exchange's clock. */
public final class TradeTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Trade trade && trade.getTradeTime().toEpochMilli() >= 0) {
            return trade.getTradeTime().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
