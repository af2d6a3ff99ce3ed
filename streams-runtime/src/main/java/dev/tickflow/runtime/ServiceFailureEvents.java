package dev.tickflow.runtime;

import dev.tickflow.config.Secrets;
import dev.tickflow.schema.OperationalEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Tells ops.events when a service fails and when it is back: SERVICE_FAILED (WARNING when a stream thread was
 * replaced, CRITICAL when Kafka Streams shuts down or goes to ERROR), then SERVICE_RECOVERED once it is RUNNING again.
 * One failure episode gives one WARNING (repeated replacements during a registry outage are not repeated), a
 * CRITICAL at most once, and one recovery.
 */
final class ServiceFailureEvents {
    static final String SERVICE_FAILED = "SERVICE_FAILED";
    static final String SERVICE_RECOVERED = "SERVICE_RECOVERED";

    private final String service;
    private final Clock clock;
    private final Consumer<OperationalEvent> publisher;
    private boolean failing;
    private boolean critical;

    ServiceFailureEvents(String service, Clock clock, Consumer<OperationalEvent> publisher) {
        this.service = service;
        this.clock = clock;
        this.publisher = publisher;
    }

    synchronized void threadFailed(Throwable error, StreamThreadExceptionResponse response) {
        if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
            if (!failing) {
                failing = true;
                publish(SERVICE_FAILED, "WARNING", service + ": a stream thread failed (" + describe(error) + ") and was replaced;"
                        + " it resumes from its last commit. Watch for " + SERVICE_RECOVERED + ".", error);
            }
        } else {
            failCritically(service + ": Kafka Streams is shutting down after " + describe(error)
                    + "; the service exits 1 and must be restarted (its supervisor, or tickflow up).", error);
        }
    }

    synchronized void stateChanged(KafkaStreams.State newState) {
        if (newState == KafkaStreams.State.ERROR) {
            failCritically(service + ": Kafka Streams went to ERROR and stopped; restart the service.", null);
        } else if (newState == KafkaStreams.State.RUNNING && failing && !critical) {
            failing = false;
            publish(SERVICE_RECOVERED, "INFO", service + ": running again after a stream thread failure.", null);
        }
    }

    private void failCritically(String message, Throwable error) {
        if (!critical) {
            critical = true;
            failing = true;
            publish(SERVICE_FAILED, "CRITICAL", message, error);
        }
    }

    private void publish(String kind, String severity, String message, Throwable error) {
        Instant now = clock.instant();
        Map<String, String> details = new LinkedHashMap<>();
        if (error != null) {
            details.put("error", error.getClass().getName());
        }
        publisher.accept(OperationalEvent.newBuilder()
                .setEventId(service + ":" + kind + ":" + severity + ":" + now.toEpochMilli())
                .setKind(kind)
                .setSeverity(severity)
                .setService(service)
                .setMessage(message)
                .setDetails(details)
                .setEventTime(now)
                .build());
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Secrets.redactUrlUserInfo(root.getClass().getSimpleName() + ": " + root.getMessage());
    }
}
