package dev.tickflow.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies. Kafka's own default is SHUTDOWN_CLIENT for everything; this replaces the
 * thread when the error is transient (a {@link RetriableException} anywhere in its causes: timeouts, unavailable
 * leaders), at most {@link #MAX_REPLACEMENTS} times within {@link #WINDOW}, and otherwise shuts the client down so
 * that the service exits non-zero and its supervisor restarts it. With exactly_once_v2 a replaced thread resumes
 * from the last committed transaction, so replacing loses or duplicates nothing. SHUTDOWN_APPLICATION is not used:
 * one instance's failure should not stop the healthy ones.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    static final int MAX_REPLACEMENTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final String service;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();
    private volatile Throwable fatal;

    StreamThreadFailures(String service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable error) {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(WINDOW))) {
            replacements.removeFirst();
        }
        if (isTransient(error) && replacements.size() < MAX_REPLACEMENTS) {
            replacements.addLast(now);
            log.warn("{}: a stream thread failed with a transient error; replacing it ({} of at most {} in {} min)",
                    service, replacements.size(), MAX_REPLACEMENTS, WINDOW.toMinutes(), error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        fatal = error;
        log.error("{}: a stream thread failed; shutting Kafka Streams down", service, error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The error that made this handler shut the client down, if any. */
    Throwable fatalError() {
        return fatal;
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
