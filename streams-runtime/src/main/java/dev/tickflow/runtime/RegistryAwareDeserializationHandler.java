package dev.tickflow.runtime;

import dev.tickflow.serde.SchemaRegistryUnavailableException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' deserialization exception handler. A record that cannot be read because the schema registry is
 * unavailable is not malformed: FAIL, so the stream thread dies before it commits past the record, and
 * {@link StreamThreadFailures} replaces the thread after a back-off; it reads the record again from the last commit.
 * Every other failure (not Confluent's wire format, a schema id the registry does not know, undecodable Avro) is
 * handled as by Kafka's {@link LogAndContinueExceptionHandler}: logged, skipped, and sent to the dead-letter topic
 * when {@code errors.dead.letter.queue.topic.name} is set.
 */
public final class RegistryAwareDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(RegistryAwareDeserializationHandler.class);

    private final LogAndContinueExceptionHandler malformedRecords = new LogAndContinueExceptionHandler();

    @Override
    public void configure(Map<String, ?> configs) {
        malformedRecords.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (SchemaRegistryUnavailableException.findIn(exception).isPresent()) {
            log.info("Record {}-{}@{} waits for the schema registry: the stream thread stops here and is replaced",
                    record.topic(), record.partition(), record.offset());
            return Response.fail();
        }
        return malformedRecords.handleError(context, record, exception);
    }
}
