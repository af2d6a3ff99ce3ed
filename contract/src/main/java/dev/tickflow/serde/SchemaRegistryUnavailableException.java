package dev.tickflow.serde;

import java.util.Optional;

/**
  * The schema registry is unavailable for now: it could not be reached, timed out, or answered HTTP 5xx, 429 or 408
  * on every attempt a call could make within {@value SerdeConfig#REGISTRY_UNAVAILABLE_MAX_WAIT_MS}. The record is
  * not malformed: try it again later; never skip or dead-letter it for this.
  */
public final class SchemaRegistryUnavailableException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    SchemaRegistryUnavailableException(int status, String message) {
        super(status, message);
    }

    /** The same failure, with what the serde was doing ({@code context}) in front of its message. */
    SchemaRegistryUnavailableException(String context, SchemaRegistryUnavailableException cause) {
        super(cause.status(), context + cause.getMessage(), cause);
    }

    /** The unavailability among {@code error} and its causes, if it is one: for handlers that see it wrapped. */
    public static Optional<SchemaRegistryUnavailableException> findIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    static SchemaRegistryUnavailableException serverError(int status, String registry, String operation, int attempts,
            long elapsedMs, String detail) {
        return new SchemaRegistryUnavailableException(status, "Schema registry " + registry + " failed to " + operation
                + " with HTTP " + status + " on all " + attempts + " attempts over " + elapsedMs + " ms (last answer: "
                + detail + "). The registry is reachable but failing: check its logs and health.");
    }

    static SchemaRegistryUnavailableException unreachable(String registry, String operation, int attempts, long elapsedMs,
            String lastError) {
        return new SchemaRegistryUnavailableException(SchemaRegistryException.NO_RESPONSE, "Schema registry unreachable at "
                + registry + ": could not " + operation + " after " + attempts + " attempts over " + elapsedMs
                + " ms (last error: " + lastError + "). Check " + SerdeConfig.SCHEMA_REGISTRY_URL + " and that the registry"
                + " is running; " + SerdeConfig.REGISTRY_UNAVAILABLE_MAX_WAIT_MS + " bounds the wait of one call.");
    }
}
