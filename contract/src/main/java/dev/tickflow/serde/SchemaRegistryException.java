package dev.tickflow.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
  * A failure talking to the schema registry. The message says what failed, where (URL redacted) and
  * what to do; it never contains credentials. {@link #status()} is the HTTP status, or
  * {@link #NO_RESPONSE} when the registry could not be reached. A registry that is unavailable for now
  * fails with the subclass {@link SchemaRegistryUnavailableException}; every other failure is final.
  */
public sealed class SchemaRegistryException extends SerializationException permits SchemaRegistryUnavailableException {

    private static final long serialVersionUID = 1L;
    public static final int NO_RESPONSE = -1;

    private final int status;

    SchemaRegistryException(int status, String message) {
        super(RegistryUrl.redact(message));
        this.status = status;
    }

    SchemaRegistryException(int status, String message, Throwable cause) {
        super(RegistryUrl.redact(message), cause);
        this.status = status;
    }

    /** The HTTP status of the registry's answer, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    static SchemaRegistryException incompatible(String subject, String registry, String detail) {
        return new SchemaRegistryException(409, "Schema registry " + registry + " rejected the schema for subject '"
                + subject + "' as incompatible with the versions already registered (HTTP 409: " + detail + ")."
                + " Under BACKWARD compatibility a new field needs a default and a field without one cannot be"
                + " added or retyped: fix the schema, or change the subject's compatibility level if the break is intended.");
    }

    static SchemaRegistryException invalidSchema(String subject, String registry, String detail) {
        return new SchemaRegistryException(422, "Schema registry " + registry + " rejected the schema for subject '"
                + subject + "' as invalid (HTTP 422: " + detail + "). Check the .avsc file it was generated from.");
    }

    static SchemaRegistryException notRegistered(String subject, String registry, String detail) {
        return new SchemaRegistryException(404, "The schema is not registered under subject '" + subject
                + "' in schema registry " + registry + " (HTTP 404: " + detail + ") and "
                + SerdeConfig.AUTO_REGISTER_SCHEMAS + "=false. Register the schema under that subject first, or set "
                + SerdeConfig.AUTO_REGISTER_SCHEMAS + "=true.");
    }

    static SchemaRegistryException unknownId(int id, String registry, String detail) {
        return new SchemaRegistryException(404, "Schema id " + id + " is not known to schema registry " + registry
                + " (HTTP 404: " + detail + "). The data was written against another registry, or the registry lost"
                + " its schemas: point " + SerdeConfig.SCHEMA_REGISTRY_URL + " at the registry the producer used.");
    }

    static SchemaRegistryException authenticationFailed(int status, String registry, String operation) {
        String what = status == 401
                ? "HTTP 401 Unauthorized: the credentials are missing or wrong. Check "
                : "HTTP 403 Forbidden: the credentials were accepted but lack permission. Check ";
        return new SchemaRegistryException(status, "Schema registry " + registry + " refused to " + operation
                + " with " + what + SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " and " + SerdeConfig.BASIC_AUTH_USER_INFO
                + " (or the user info in " + SerdeConfig.SCHEMA_REGISTRY_URL + ").");
    }

    static SchemaRegistryException unexpectedStatus(int status, String registry, String operation, String detail) {
        return new SchemaRegistryException(status, "Schema registry " + registry + " answered HTTP " + status
                + " when asked to " + operation + ": " + detail + ". Check that " + SerdeConfig.SCHEMA_REGISTRY_URL
                + " points at a Confluent-compatible API (for Apicurio: http://host:port/apis/ccompat/v7).");
    }
}
