package dev.tickflow.ingest;

import dev.tickflow.schema.Trade;
import dev.tickflow.serde.AvroSerializer;
import dev.tickflow.serde.SerdeConfig;
import dev.tickflow.topics.Watermarks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes trades to md.trades, keyed by symbol, with an idempotent producer (acks=all): per symbol in the order
 * received, each once. While the broker is unreachable the producer buffers and retries; a trade that still cannot
 * be written after {@code ingest.give.up.ms} (delivery.timeout.ms) is a fatal {@link IngestFailure}, handed to
 * {@code onFatal} once, and every later {@link #onTrade} throws it: no trade is dropped silently.
 */
public final class TradeSink implements TradeListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TradeSink.class);

    private final Producer<String, Trade> producer;
    private final String topic;
    private final IngestStats stats;
    private final Consumer<IngestFailure> onFatal;
    private final String brokers;
    private final long giveUpMs;
    private final AtomicReference<IngestFailure> failure = new AtomicReference<>();

    public TradeSink(IngestSettings settings, IngestStats stats, Consumer<IngestFailure> onFatal) {
        this(new KafkaProducer<>(producerConfig(settings), new StringSerializer(), serializer(settings)),
                settings.topics().trades().name(), stats, onFatal, settings.bootstrapServers(), deliveryTimeoutMs(settings));
    }

    TradeSink(Producer<String, Trade> producer, String topic, IngestStats stats, Consumer<IngestFailure> onFatal,
              String brokers, long giveUpMs) {
        this.producer = producer;
        this.topic = topic;
        this.stats = stats;
        this.onFatal = onFatal;
        this.brokers = brokers;
        this.giveUpMs = giveUpMs;
    }

    /** The producer's settings: Tickflow's choices for ordering and durability, then every {@code kafka.*} key. */
    public static Map<String, Object> producerConfig(IngestSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, IngestSettings.APPLICATION_ID + "-trades");
        long giveUp = settings.giveUp().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, giveUp));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, giveUp / 2));
        // send() blocks (metadata, a full buffer) for at most as long as delivery may take
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, giveUp);
        config.putAll(settings.kafkaClient());
        return config;
    }

    @Override
    public void onTrade(Trade trade) {
        IngestFailure failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        String symbol = trade.getSymbol();
        long tradeId = trade.getTradeId();
        long tradeTime = trade.getTradeTime().toEpochMilli();
        try {
            // the record timestamp is the time of writing: replayed history keeps its retention, and a fast simulated
            // clock is not refused as being in the future; consumers take event time from the value's tradeTime
            producer.send(new ProducerRecord<>(topic, symbol, trade), (metadata, error) -> {
                if (error == null) {
                    stats.written(symbol, tradeTime);
                } else {
                    fail(symbol, tradeId, error);
                }
            });
        } catch (RuntimeException e) {
            fail(symbol, tradeId, e);
            throw failure.get();
        }
    }

    /**
     * Writes the watermark to every partition of md.trades. The producer is the trades' own, idempotent one: in each
     * partition the watermark lands after every trade handed to {@link #onTrade} before this call.
     */
    public void writeWatermark(long watermarkMs) {
        if (failure.get() != null) {
            return;
        }
        for (PartitionInfo partition : producer.partitionsFor(topic)) {
            producer.send(Watermarks.record(topic, partition.partition(), watermarkMs), (metadata, error) -> {
                if (error != null) {
                    log.warn("Watermark {} not written to {}-{}: {}", watermarkMs, topic, partition.partition(), error.toString());
                }
            });
        }
    }

    @Override
    public void onGap(String symbol, long fromTradeId, long toTradeId, String reason) {
        stats.gap(symbol, toTradeId - fromTradeId + 1);
        log.warn("Gap in {}: trades {}..{} are missing ({})", symbol, fromTradeId, toTradeId, reason);
    }

    /** The fatal failure, if a trade could not be written. */
    public IngestFailure failure() {
        return failure.get();
    }

    /** Waits until every trade handed over so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Flushes, waiting up to {@code timeout}, and closes the producer. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofMillis(giveUpMs));
    }

    private void fail(String symbol, long tradeId, Throwable error) {
        IngestFailure created = new IngestFailure("Trade " + tradeId + " of " + symbol + " could not be written to " + topic
                + " on " + brokers + " within " + giveUpMs + " ms (" + IngestSettings.GIVE_UP_MS + "/delivery.timeout.ms): "
                + withoutFinalPeriod(String.valueOf(error.getMessage())) + ". Ingest stops so that no trade is lost silently; start it again once the broker is reachable.",
                error);
        if (failure.compareAndSet(null, created)) {
            log.error("{}", created.getMessage());
            onFatal.accept(created);
        }
    }

    private static String withoutFinalPeriod(String message) {
        String trimmed = message.strip();
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** While the registry is unavailable a trade waits, like one the broker cannot take yet, up to {@code ingest.give.up.ms}. */
    private static AvroSerializer<Trade> serializer(IngestSettings settings) {
        Map<String, Object> config = new HashMap<>(settings.serdeConfig());
        config.putIfAbsent(SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS, settings.giveUp().toMillis());
        AvroSerializer<Trade> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    private static long deliveryTimeoutMs(IngestSettings settings) {
        Object configured = producerConfig(settings).get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        return Long.parseLong(String.valueOf(configured));
    }
}
