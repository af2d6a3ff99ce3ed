package dev.tickflow.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/** Schemas in the form a registry stores and returns them. */
public final class RegistrySchemas {

    /** Added by avro-maven-plugin's {@code stringType=String}; not part of the {@code .avsc}. */
    public static final String JAVA_STRING_PROPERTY = "avro.java.string";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistrySchemas() {
    }

    /**
      * The schema's JSON without any {@code avro.java.string} property, at any depth: the text other
      * clients register for the same {@code .avsc}, so all of them get the same id.
      */
    public static String registryText(Schema schema) {
        String text = schema.toString();
        if (!text.contains(JAVA_STRING_PROPERTY)) {
            return text;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            strip(tree);
            return parse(JSON.writeValueAsString(tree)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro produced a schema that is not JSON: " + schema.getFullName(), e);
        }
    }

    /** The schema without {@code avro.java.string} properties. */
    public static Schema forRegistry(Schema schema) {
        return schema.toString().contains(JAVA_STRING_PROPERTY) ? parse(registryText(schema)) : schema;
    }

    /** Parses a schema text from a registry; each text gets its own parser, so names never clash. */
    public static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING_PROPERTY);
        }
        node.forEach(RegistrySchemas::strip);
    }
}
