package dev.tickflow.runtime;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka Streams configuration of a service: the configuration's Streams keys, then the topology's overrides. */
public final class StreamsProperties {
    private static final Logger log = LoggerFactory.getLogger(StreamsProperties.class);

    private StreamsProperties() {
    }

    /** Merges, then creates {@code state.dir} so that a bad path fails now, with its name, rather than in a stream thread. */
    static Properties build(TickflowConfig config, StreamsApp app) {
        Properties properties = merge(config.streamsProperties(), app.name(), app.streamsOverrides(config));
        createStateDir(Path.of(properties.getProperty(ConfigKeys.STATE_DIR)));
        return properties;
    }

    /** The {@code configured} Streams keys, then the topology's {@code overrides} of service {@code service}, warning about each one replaced. */
    @SuppressWarnings("deprecation") // the global-handler switch goes away in Kafka 5.0, where it is always on
    public static Properties merge(Map<String, Object> configured, String service, Map<String, Object> overrides) {
        Properties properties = new Properties();
        // Streams warns at every start until this, its 5.0 default, is set
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // a schema registry outage is waited out, never dead-lettered or skipped; topologies may name other handlers
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class.getName());
        properties.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareProductionHandler.class.getName());
        properties.putAll(configured);
        overrides.forEach((key, value) -> {
            Object previous = properties.put(key, value);
            if (previous != null && !Objects.equals(String.valueOf(previous), String.valueOf(value))) {
                log.warn("{}: the topology needs {}={}; the configured value {} is ignored", service, key, value, previous);
            }
        });
        return properties;
    }

    private static void createStateDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + ConfigKeys.STATE_DIR + " " + dir + ": " + e
                    + ". Set " + ConfigKeys.STATE_DIR + " to a writable directory.", e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalStateException(ConfigKeys.STATE_DIR + " " + dir + " is not writable. Set "
                    + ConfigKeys.STATE_DIR + " to a writable directory.");
        }
    }
}
