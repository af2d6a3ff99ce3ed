package dev.tickflow.topics;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Source watermarks in md.trades: a record without key and value, sent to one partition, whose
 * {@value #HEADER} header (epoch milliseconds in ASCII decimal, also the record's timestamp) says that its producer
 * has written, before it in that partition, every trade with an earlier trade time. The aggregation closes a minute
 * only when a trade or a watermark read from the partition is past the minute's end plus the grace, so a backlog is
 * never overtaken by the clock and quiet partitions still get their candles. Consumers of md.trades skip records
 * with a null value.
 */
public final class Watermarks {
    public static final String HEADER = "tickflow.watermark";

    private Watermarks() {
    }

    /** The watermark record for one partition of {@code topic}. */
    public static <K, V> ProducerRecord<K, V> record(String topic, int partition, long watermarkMs) {
        Headers headers = new RecordHeaders();
        headers.add(HEADER, Long.toString(watermarkMs).getBytes(StandardCharsets.US_ASCII));
        return new ProducerRecord<>(topic, partition, watermarkMs, null, null, headers);
    }

    /** The watermark a record carries, if it is one. */
    public static OptionalLong of(Headers headers) {
        return HopStamps.read(headers, HEADER);
    }
}
