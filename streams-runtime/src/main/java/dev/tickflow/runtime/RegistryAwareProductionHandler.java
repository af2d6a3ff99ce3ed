package dev.tickflow.runtime;

import dev.tickflow.serde.SchemaRegistryUnavailableException;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * The services' production exception handler: Kafka's {@link DefaultProductionExceptionHandler} (retry what the
 * producer may retry, fail otherwise), except that an output that cannot be serialized because the schema registry
 * is unavailable fails without a dead letter. The stream thread dies, its transaction is aborted, and
 * {@link StreamThreadFailures} replaces it after a back-off, so the output is produced once the registry answers.
 */
public final class RegistryAwareProductionHandler implements ProductionExceptionHandler {

    private final DefaultProductionExceptionHandler otherFailures = new DefaultProductionExceptionHandler();

    @Override
    public void configure(Map<String, ?> configs) {
        otherFailures.configure(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        return otherFailures.handleError(context, record, exception);
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface's signature
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (SchemaRegistryUnavailableException.findIn(exception).isPresent()) {
            return Response.fail();
        }
        return otherFailures.handleSerializationError(context, record, exception, origin);
    }
}
