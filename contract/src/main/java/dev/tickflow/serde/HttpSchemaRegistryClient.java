package dev.tickflow.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;

/**
  * A {@link SchemaRegistryClient} over Confluent Schema Registry's REST API, without caching (wrap it
  * in {@link CachingSchemaRegistryClient}). Works with Confluent's registry, Apicurio's ccompat API,
  * Karapace and Redpanda.
  */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryTransport transport;

    public HttpSchemaRegistryClient(SerdeConfig config) {
        if (config.mockScope() != null) {
            throw new IllegalArgumentException("mock:// URLs are served by MockSchemaRegistry, not over HTTP");
        }
        if (config.urls().isEmpty()) {
            throw new ConfigException("Missing required configuration '" + SerdeConfig.SCHEMA_REGISTRY_URL + "'.");
        }
        this.transport = new RegistryTransport(config);
    }

    @Override
    public int register(String subject, Schema schema) {
        String operation = "register a schema under subject '" + subject + "'";
        RegistryTransport.Response answer = transport.send("POST", "/subjects/" + encode(subject) + "/versions",
                schemaRequest(schema), operation);
        return switch (answer.status()) {
            case 200 -> intField(answer, "id", operation);
            case 409 -> throw SchemaRegistryException.incompatible(subject, describe(), RegistryErrorBody.describe(answer.body()));
            case 422 -> throw SchemaRegistryException.invalidSchema(subject, describe(), RegistryErrorBody.describe(answer.body()));
            default -> throw failure(answer, operation);
        };
    }

    @Override
    public int getId(String subject, Schema schema) {
        String operation = "look up the id of a schema under subject '" + subject + "'";
        RegistryTransport.Response answer = transport.send("POST", "/subjects/" + encode(subject),
                schemaRequest(schema), operation);
        return switch (answer.status()) {
            case 200 -> intField(answer, "id", operation);
            case 404 -> throw SchemaRegistryException.notRegistered(subject, describe(), RegistryErrorBody.describe(answer.body()));
            case 422 -> throw SchemaRegistryException.invalidSchema(subject, describe(), RegistryErrorBody.describe(answer.body()));
            default -> throw failure(answer, operation);
        };
    }

    @Override
    public Schema getSchemaById(int id) {
        String operation = "fetch the schema with id " + id;
        RegistryTransport.Response answer = transport.send("GET", "/schemas/ids/" + id, null, operation);
        if (answer.status() == 404) {
            throw SchemaRegistryException.unknownId(id, describe(), RegistryErrorBody.describe(answer.body()));
        }
        if (answer.status() != 200) {
            throw failure(answer, operation);
        }
        JsonNode text = json(answer, operation).get("schema");
        if (text == null || !text.isTextual()) {
            throw malformed(operation, "no \"schema\" text");
        }
        try {
            return RegistrySchemas.parse(text.asText());
        } catch (SchemaParseException e) {
            throw malformed(operation, "the schema is not valid Avro (" + e.getMessage() + ")");
        }
    }

    @Override
    public String describe() {
        return transport.describe();
    }

    @Override
    public String toString() {
        return "HttpSchemaRegistryClient{" + describe() + "}";
    }

    private static String schemaRequest(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", RegistrySchemas.registryText(schema)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SchemaRegistryException failure(RegistryTransport.Response answer, String operation) {
        if (answer.status() == 401 || answer.status() == 403) {
            return SchemaRegistryException.authenticationFailed(answer.status(), describe(), operation);
        }
        return SchemaRegistryException.unexpectedStatus(answer.status(), describe(), operation,
                RegistryErrorBody.describe(answer.body()));
    }

    private int intField(RegistryTransport.Response answer, String field, String operation) {
        JsonNode value = json(answer, operation).get(field);
        if (value == null || !value.canConvertToInt()) {
            throw malformed(operation, "no integer \"" + field + "\"");
        }
        return value.intValue();
    }

    private JsonNode json(RegistryTransport.Response answer, String operation) {
        try {
            JsonNode node = JSON.readTree(answer.body());
            if (node == null || !node.isObject()) {
                throw malformed(operation, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(operation, "not JSON");
        }
    }

    private SchemaRegistryException malformed(String operation, String problem) {
        return new SchemaRegistryException(200, "Schema registry " + describe() + " gave an answer the serde cannot"
                + " use when asked to " + operation + ": " + problem + ". Check that " + SerdeConfig.SCHEMA_REGISTRY_URL
                + " points at a Confluent-compatible API (for Apicurio: http://host:port/apis/ccompat/v7).");
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
