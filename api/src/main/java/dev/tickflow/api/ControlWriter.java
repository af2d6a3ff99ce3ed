package dev.tickflow.api;

import dev.tickflow.schema.OperatorCommand;
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

/**
 * Writes the control topics and waits for the broker's acknowledgement: control.symbols (compacted, keyed by symbol: a
 * command to follow a symbol, a tombstone to remove it) and control.operator (keyed by strategy instance: operator commands).
 */
final class ControlWriter implements AutoCloseable {
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final String topic;
    private final String operatorTopic;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerializer<SymbolCommand> serializer = new AvroSerializer<>();
    private final AvroSerializer<OperatorCommand> operatorSerializer = new AvroSerializer<>();
    private final Clock clock;
    private final Duration closeTimeout;

    ControlWriter(ApiSettings settings, Clock clock) {
        this.topic = settings.topics().symbolCommands().name();
        this.operatorTopic = settings.topics().operatorCommands().name();
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
        operatorSerializer.configure(settings.serdeConfig(), false);
    }

    /** The time commands are stamped with. */
    Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    /** Writes an operator command to control.operator, keyed by its strategy instance ('*' for all). */
    void operator(OperatorCommand command) {
        send(operatorTopic, command.getStrategyInstance(), operatorSerializer.serialize(operatorTopic, command));
    }

    /** Asks ingest to follow the symbol; returns the command written. */
    SymbolCommand enable(String symbol) {
        SymbolCommand command = SymbolCommand.newBuilder().setSymbol(symbol).setEnabled(true)
                .setRequestedAt(now()).build();
        send(topic, symbol, serializer.serialize(topic, command));
        return command;
    }

    /** Removes the symbol: a tombstone, which compaction eventually deletes with the symbol's earlier commands. */
    void remove(String symbol) {
        send(topic, symbol, null);
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
