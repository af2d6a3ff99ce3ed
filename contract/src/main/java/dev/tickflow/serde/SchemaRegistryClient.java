package dev.tickflow.serde;

import org.apache.avro.Schema;

/**
  * The part of Confluent Schema Registry's API the serde needs. Implementations remove the
  * {@code avro.java.string} properties of generated classes' schemas before they send or compare a
  * schema, so a schema from a generated class gets the same id as its {@code .avsc} file.
  * Failures are {@link SchemaRegistryException}s whose messages are safe to show (no credentials).
  */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it already there) and returns its id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject, without registering it. */
    int getId(String subject, Schema schema);

    /** Returns the schema with the given id. */
    Schema getSchemaById(int id);

    /** Where this client's registry is, for messages; credentials redacted. */
    String describe();

    /**
      * The client for a configuration: the shared in-memory registry of the scope for
      * {@code mock://<scope>}, otherwise a caching client over HTTP.
      */
    static SchemaRegistryClient create(SerdeConfig config) {
        String scope = config.mockScope();
        if (scope != null) {
            return MockSchemaRegistry.forScope(scope);
        }
        return new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(config));
    }
}
