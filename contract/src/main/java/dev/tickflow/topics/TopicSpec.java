package dev.tickflow.topics;

import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic of the catalog.
 *
 * @param id                the default name, which also identifies the topic in {@code topic.<id>.*} overrides
 * @param name              the name in use (the default unless overridden)
 * @param key               what the key holds, for people and tools
 * @param valueType         the Avro record of the values, empty for raw bytes
 * @param configs           topic configs such as cleanup.policy and retention.ms
 */
public record TopicSpec(String id, String name, String key, Optional<Class<? extends SpecificRecord>> valueType,
                        int partitions, short replicationFactor, Map<String, String> configs, String description) {

    public String valueDescription() {
        return valueType.map(Class::getSimpleName).orElse("original bytes");
    }
}
