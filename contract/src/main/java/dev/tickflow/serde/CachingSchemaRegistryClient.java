package dev.tickflow.serde;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
  * Caches another client's answers both ways, so each (subject, schema) and each id costs one call:
  * an id learnt by registering or looking up a schema also answers {@link #getSchemaById}.
  * Failures are not cached.
  */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, String schemaText) {
    }

    private final SchemaRegistryClient delegate;
    private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemas = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return idOf(subject, schema, true);
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idOf(subject, schema, false);
    }

    @Override
    public Schema getSchemaById(int id) {
        return schemas.computeIfAbsent(id, delegate::getSchemaById);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public String toString() {
        return "CachingSchemaRegistryClient{" + delegate + "}";
    }

    private int idOf(String subject, Schema schema, boolean registerIfMissing) {
        String text = RegistrySchemas.registryText(schema);
        SubjectSchema key = new SubjectSchema(subject, text);
        Integer cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        int id = ids.computeIfAbsent(key, k -> registerIfMissing
                ? delegate.register(subject, schema) : delegate.getId(subject, schema));
        schemas.computeIfAbsent(id, unused -> RegistrySchemas.parse(text));
        return id;
    }
}
