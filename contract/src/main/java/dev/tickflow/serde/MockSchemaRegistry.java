package dev.tickflow.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
  * An in-memory schema registry for {@code schema.registry.url=mock://<scope>}: every serde
  * configured with the same scope shares one instance, as with Confluent's mock. Ids behave like a
  * real registry's: one id per distinct schema, shared by the subjects that register it, in
  * registration order from 1. Registration enforces the scope's compatibility level (BACKWARD unless
  * changed) and fails like a real registry, with HTTP 409.
  */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    private static final ConcurrentMap<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private CompatibilityLevel compatibility = CompatibilityLevel.BACKWARD;

    private MockSchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of a scope, created on first use. */
    public static MockSchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
    }

    /** Forgets a scope and everything registered in it; the next use of the scope starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    public synchronized void setCompatibility(CompatibilityLevel level) {
        this.compatibility = level;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String text = RegistrySchemas.registryText(schema);
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        Integer known = idsByText.get(text);
        if (known != null && versions.contains(known)) {
            return known;
        }
        Schema candidate = RegistrySchemas.parse(text);
        List<String> problems = compatibility.problems(candidate, versions.stream().map(schemasById::get).toList());
        if (!problems.isEmpty()) {
            throw SchemaRegistryException.incompatible(subject, describe(), "error 409: Schema being registered is"
                    + " incompatible with an earlier schema for subject \"" + subject + "\" under " + compatibility + "; "
                    + String.join("; ", problems));
        }
        int id = known != null ? known : schemasById.size() + 1;
        idsByText.put(text, id);
        schemasById.put(id, candidate);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw SchemaRegistryException.notRegistered(subject, describe(), "error 40401: Subject '" + subject + "' not found.");
        }
        Integer id = idsByText.get(RegistrySchemas.registryText(schema));
        if (id == null || !versions.contains(id)) {
            throw SchemaRegistryException.notRegistered(subject, describe(), "error 40403: Schema not found");
        }
        return id;
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw SchemaRegistryException.unknownId(id, describe(), "error 40403: Schema " + id + " not found");
        }
        return schema;
    }

    /** The subjects registered so far. */
    public synchronized List<String> subjects() {
        return versionsBySubject.keySet().stream().sorted().toList();
    }

    /** The schemas registered under a subject, oldest first; empty for an unknown subject. */
    public synchronized List<Schema> versions(String subject) {
        return versionsBySubject.getOrDefault(subject, List.of()).stream().map(schemasById::get).toList();
    }

    @Override
    public String describe() {
        return "mock://" + scope;
    }

    @Override
    public String toString() {
        return "MockSchemaRegistry{" + describe() + "}";
    }
}
