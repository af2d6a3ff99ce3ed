package dev.tickflow.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's configuration: a properties file, then {@code TICKFLOW_*} environment overrides, validated
 * against the service's {@link ConfigDef} at start-up. Keys under {@code kafka.} pass through to the Kafka clients.
 */
public final class TickflowConfig extends AbstractConfig {
    private static final Logger log = LoggerFactory.getLogger(TickflowConfig.class);

    private final String source;

    private TickflowConfig(ConfigDef definition, Map<String, String> values, String source) {
        super(definition, values, false);
        this.source = source;
    }

    /**
     * Loads and validates a configuration.
     *
     * @param file        the properties file, if any
     * @param environment the process environment (pass {@code System.getenv()})
     * @param definition  the keys the service knows, usually {@link CommonConfig#definition} plus its own
     * @throws ConfigException naming the bad key and where it came from
     */
    public static TickflowConfig load(Optional<Path> file, Map<String, String> environment, ConfigDef definition) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        String source = "defaults";
        if (file.isPresent()) {
            source = file.get().toString();
            readProperties(file.get()).forEach((key, value) -> {
                values.put(key, value);
                origin.put(key, file.get().toString());
            });
        }
        environment.entrySet().stream()
                .filter(e -> e.getKey().startsWith(ConfigKeys.ENV_PREFIX))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    String key = keyOfEnvironmentVariable(e.getKey());
                    if (isKnown(key, definition)) {
                        values.put(key, e.getValue());
                        origin.put(key, "environment variable " + e.getKey());
                    } else {
                        log.warn("Ignoring environment variable {}: {} is not a setting of this service", e.getKey(), key);
                    }
                });
        for (String key : values.keySet()) {
            if (!isKnown(key, definition)) {
                throw new ConfigException("Unknown configuration key '" + key + "' in " + origin.get(key)
                        + suggestion(key, definition) + ". Remove it, or prefix Kafka client settings with 'kafka.'.");
            }
        }
        try {
            return new TickflowConfig(definition, values, source);
        } catch (ConfigException e) {
            throw new ConfigException("Invalid configuration (" + source + "): " + Secrets.redactUrlUserInfo(e.getMessage()));
        }
    }

    /** The environment variable that sets {@code key}: TICKFLOW_, upper case, dots as underscores, underscores doubled. */
    public static String environmentVariable(String key) {
        return ConfigKeys.ENV_PREFIX + key.replace("_", "__").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The key an environment variable overrides: TICKFLOW_KAFKA_BOOTSTRAP_SERVERS is kafka.bootstrap.servers; a double underscore stands for one underscore. */
    public static String keyOfEnvironmentVariable(String variable) {
        String rest = variable.substring(ConfigKeys.ENV_PREFIX.length()).toLowerCase();
        return rest.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    /**
     * The settings for Kafka clients: every {@code kafka.*} key without its prefix, bootstrap servers included; a
     * {@code kafka.*} key the service defines (its tuned client or Streams defaults) is there with its default when not set.
     */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        values().forEach((key, value) -> {
            if (key.startsWith(ConfigKeys.KAFKA_PREFIX) && value != null) {
                properties.put(key.substring(ConfigKeys.KAFKA_PREFIX.length()), value);
            }
        });
        properties.putAll(originalsWithPrefix(ConfigKeys.KAFKA_PREFIX));
        properties.put("bootstrap.servers", getString(ConfigKeys.BOOTSTRAP_SERVERS));
        return properties;
    }

    /** The settings for Tickflow's Avro serde, under Confluent's key names. */
    public Map<String, Object> serdeProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ConfigKeys.SCHEMA_REGISTRY_URL, getString(ConfigKeys.SCHEMA_REGISTRY_URL));
        properties.put(ConfigKeys.AUTO_REGISTER_SCHEMAS, getBoolean(ConfigKeys.AUTO_REGISTER_SCHEMAS));
        String userInfo = secret(ConfigKeys.SCHEMA_REGISTRY_USER_INFO);
        if (userInfo != null) {
            properties.put("basic.auth.credentials.source", "USER_INFO");
            properties.put("basic.auth.user.info", userInfo);
        }
        return properties;
    }

    /** The settings of a Kafka Streams application: the common keys, then every {@code kafka.*} key. */
    public Map<String, Object> streamsProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ConfigKeys.APPLICATION_ID, getString(ConfigKeys.APPLICATION_ID));
        properties.put(ConfigKeys.NUM_STREAM_THREADS, getInt(ConfigKeys.NUM_STREAM_THREADS));
        properties.put(ConfigKeys.STATE_DIR, getString(ConfigKeys.STATE_DIR));
        properties.put(ConfigKeys.REPLICATION_FACTOR, getInt(ConfigKeys.REPLICATION_FACTOR));
        properties.put(ConfigKeys.NUM_STANDBY_REPLICAS, getInt(ConfigKeys.NUM_STANDBY_REPLICAS));
        properties.put(ConfigKeys.PROCESSING_GUARANTEE, getString(ConfigKeys.PROCESSING_GUARANTEE));
        properties.putAll(kafkaClientProperties());
        return properties;
    }

    /** The string value of a key, revealing a password value (for handing secrets to clients, never for printing). */
    public String secret(String key) {
        Password password = getPassword(key);
        return password == null ? null : password.value();
    }

    /** Every explicitly set or defaulted value, sorted, secrets redacted: safe to log or print. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        values().forEach((key, value) -> out.put(key, value instanceof Password ? Secrets.REDACTED : Secrets.redact(key, value)));
        originals().forEach((key, value) -> out.putIfAbsent(key, Secrets.redact(key, value)));
        return out;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return describe().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "TickflowConfig{", "}"));
    }

    /** Per-topic overrides ({@code topic.*}) are checked against the catalog when it is built. */
    private static boolean isKnown(String key, ConfigDef definition) {
        return definition.names().contains(key) || key.startsWith(ConfigKeys.KAFKA_PREFIX) || key.startsWith(ConfigKeys.TOPIC_PREFIX);
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file " + file + " does not exist or is not a file. Pass an existing properties file with --config.");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name.trim(), properties.getProperty(name).trim()));
        return values;
    }

    private static String suggestion(String key, ConfigDef definition) {
        List<String> close = definition.names().stream()
                .filter(name -> editDistance(name, key) <= Math.max(2, key.length() / 5))
                .sorted(Comparator.comparingInt(name -> editDistance(name, key)))
                .limit(1)
                .toList();
        return close.isEmpty() ? "" : " (did you mean '" + close.get(0) + "'?)";
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
