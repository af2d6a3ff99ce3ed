package dev.tickflow.api;

import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.serde.AvroSerializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes control.symbols (compacted, keyed by symbol): a command to follow a symbol, a tombstone to remove it; waits for the broker's acknowledgement. */
final class SymbolCommandWriter implements AutoCloseable {
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerializer<SymbolCommand> serializer = new AvroSerializer<>();
    private final Clock clock;
    private final Duration closeTimeout;

    SymbolCommandWriter(ApiSettings settings, Clock clock) {
        this.topic = settings.topics().symbolCommands().name();
        this.clock = clock;
        this.closeTimeout = settings.shutdownTimeout();
        Map<String, Object> config = new HashMap<>(settings.kafkaClient());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, ApiSettings.APPLICATION_ID + "-control");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, SEND_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        serializer.configure(settings.serdeConfig(), false);
    }

    /** Asks ingest to follow the symbol; returns the command written. */
    SymbolCommand enable(String symbol) {
        SymbolCommand command = SymbolCommand.newBuilder().setSymbol(symbol).setEnabled(true)
                .setRequestedAt(Instant.ofEpochMilli(clock.millis())).build();
        send(symbol, serializer.serialize(topic, command));
        return command;
    }

    /** Removes the symbol: a tombstone, which compaction eventually deletes with the symbol's earlier commands. */
    void remove(String symbol) {
        send(symbol, null);
    }

    private void send(String symbol, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, symbol, value)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "Interrupted while writing to " + topic + "; try again");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ApiException(503, "Could not write to " + topic + " (" + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage() + "); check that Kafka is reachable and try again");
        }
    }

    @Override
    public void close() {
        producer.close(closeTimeout);
    }
}
