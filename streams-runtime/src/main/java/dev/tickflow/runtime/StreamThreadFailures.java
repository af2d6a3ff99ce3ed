package dev.tickflow.runtime;

import dev.tickflow.serde.ExponentialBackoff;
import dev.tickflow.serde.SchemaRegistryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies. Kafka's own default is SHUTDOWN_CLIENT for everything. When the schema
 * registry is unavailable ({@link SchemaRegistryUnavailableException} anywhere in the causes) this waits with capped
 * exponential back-off ({@link #REGISTRY_BACKOFF}) and replaces the thread, as often as the outage needs: the outage
 * is waited out, never turned into a stopped service. Otherwise it replaces the thread when the error is transient (a {@link RetriableException} anywhere in its causes: timeouts, unavailable
 * leaders), at most {@link #MAX_REPLACEMENTS} times within {@link #WINDOW}, and otherwise shuts the client down so
 * that the service exits non-zero and its supervisor restarts it. With exactly_once_v2 a replaced thread resumes
 * from the last committed transaction, so replacing loses or duplicates nothing. SHUTDOWN_APPLICATION is not used:
 * one instance's failure should not stop the healthy ones.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    static final int MAX_REPLACEMENTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** The wait before replacing a thread stopped by a registry outage: 1 s, doubling per failure, at most 10 s. */
    static final ExponentialBackoff REGISTRY_BACKOFF = new ExponentialBackoff(1_000, 10_000);
    /** A registry failure this long after the previous one starts the back-off over. */
    static final Duration REGISTRY_BACKOFF_RESET = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final String service;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> replacements = new ArrayDeque<>();
    private int registryFailuresInARow;
    private Instant lastRegistryFailure = Instant.MIN;
    private volatile Throwable fatal;

    /** How the handler waits; tests pass one that records the wait. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    StreamThreadFailures(String service, Clock clock) {
        this(service, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    StreamThreadFailures(String service, Clock clock, Sleeper sleeper) {
        this.service = service;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable error) {
        Optional<SchemaRegistryUnavailableException> unavailable = SchemaRegistryUnavailableException.findIn(error);
        if (unavailable.isPresent()) {
            Duration wait = nextRegistryWait();
            log.warn("{}: a stream thread stopped because the schema registry is unavailable ({}). Replacing it in {} ms;"
                    + " it resumes from the last commit, nothing is skipped.", service, unavailable.get().getMessage(),
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        return handleOther(error);
    }

    private synchronized Duration nextRegistryWait() {
        Instant now = clock.instant();
        if (now.isAfter(lastRegistryFailure.plus(REGISTRY_BACKOFF_RESET))) {
            registryFailuresInARow = 0;
        }
        lastRegistryFailure = now;
        registryFailuresInARow++;
        return Duration.ofMillis(REGISTRY_BACKOFF.delayMs(registryFailuresInARow));
    }

    private synchronized StreamThreadExceptionResponse handleOther(Throwable error) {
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
