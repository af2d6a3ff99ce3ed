package dev.tickflow.serde;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
  * The serde's configuration, read from the same keys as Confluent's serdes so that a client's
  * properties work unchanged with either. Parsing validates every value and names the bad key; the
  * values of secret keys never appear in messages or in {@link #toString()}.
  */
public final class SerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** Tickflow's own key: how long one serialize or deserialize call waits for an unavailable registry. */
    public static final String REGISTRY_UNAVAILABLE_MAX_WAIT_MS = "registry.unavailable.max.wait.ms";
    /** The producer's key, read when a producer configures the serializer and {@value #REGISTRY_UNAVAILABLE_MAX_WAIT_MS} is absent. */
    public static final String PRODUCER_MAX_BLOCK_MS = "max.block.ms";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static final boolean DEFAULT_AUTO_REGISTER_SCHEMAS = true;
    /** No limit of its own: a call retries until {@value #REGISTRY_UNAVAILABLE_MAX_WAIT_MS} is spent. */
    public static final int DEFAULT_MAX_RETRIES = Integer.MAX_VALUE;
    public static final long DEFAULT_RETRIES_WAIT_MS = 1_000;
    public static final long DEFAULT_RETRIES_MAX_WAIT_MS = 20_000;
    /**
      * Half of the transaction timeout Kafka Streams sets under exactly_once_v2 (10 s), and far below
      * max.poll.interval.ms: a stream thread waiting this long inside an open transaction is neither fenced nor
      * thrown out of its group.
      */
    public static final long DEFAULT_REGISTRY_UNAVAILABLE_MAX_WAIT_MS = 5_000;
    public static final long DEFAULT_HTTP_CONNECT_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_HTTP_READ_TIMEOUT_MS = 30_000;
    /** Unlike Confluent's default (false): this serde exists for the generated classes. */
    public static final boolean DEFAULT_SPECIFIC_AVRO_READER = true;

    /** Where basic-auth credentials come from, as in Confluent's {@value #BASIC_AUTH_CREDENTIALS_SOURCE}. */
    public enum CredentialsSource { USER_INFO, URL }

    private final List<RegistryUrl> urls;
    private final boolean autoRegisterSchemas;
    private final CredentialsSource credentialsSource;
    private final String userInfo;
    private final int maxRetries;
    private final long retriesWaitMs;
    private final long retriesMaxWaitMs;
    private final long unavailableMaxWaitMs;
    private final long connectTimeoutMs;
    private final long readTimeoutMs;
    private final boolean specificAvroReader;
    private final String specificKeyType;
    private final String specificValueType;

    private SerdeConfig(Map<String, ?> props, boolean urlRequired) {
        this.urls = parseUrls(props.get(SCHEMA_REGISTRY_URL), urlRequired);
        this.autoRegisterSchemas = bool(props, AUTO_REGISTER_SCHEMAS, DEFAULT_AUTO_REGISTER_SCHEMAS);
        if (bool(props, USE_LATEST_VERSION, false)) {
            throw new ConfigException("Configuration '" + USE_LATEST_VERSION + "=true' is not supported by"
                    + " Tickflow's serde: it writes every record with its own class's schema. Remove the key, and"
                    + " set " + AUTO_REGISTER_SCHEMAS + "=false to use a schema registered beforehand.");
        }
        this.credentialsSource = parseCredentialsSource(props.get(BASIC_AUTH_CREDENTIALS_SOURCE));
        this.userInfo = parseUserInfo(props);
        this.maxRetries = (int) number(props, MAX_RETRIES, DEFAULT_MAX_RETRIES, 0, Integer.MAX_VALUE);
        this.retriesWaitMs = number(props, RETRIES_WAIT_MS, DEFAULT_RETRIES_WAIT_MS, 0, Long.MAX_VALUE);
        this.retriesMaxWaitMs = number(props, RETRIES_MAX_WAIT_MS, DEFAULT_RETRIES_MAX_WAIT_MS, 0, Long.MAX_VALUE);
        this.unavailableMaxWaitMs = number(props, REGISTRY_UNAVAILABLE_MAX_WAIT_MS,
                number(props, PRODUCER_MAX_BLOCK_MS, DEFAULT_REGISTRY_UNAVAILABLE_MAX_WAIT_MS, 0, Long.MAX_VALUE), 0, Long.MAX_VALUE);
        this.connectTimeoutMs = number(props, HTTP_CONNECT_TIMEOUT_MS, DEFAULT_HTTP_CONNECT_TIMEOUT_MS, 1, Integer.MAX_VALUE);
        this.readTimeoutMs = number(props, HTTP_READ_TIMEOUT_MS, DEFAULT_HTTP_READ_TIMEOUT_MS, 1, Integer.MAX_VALUE);
        this.specificAvroReader = bool(props, SPECIFIC_AVRO_READER, DEFAULT_SPECIFIC_AVRO_READER);
        this.specificKeyType = className(props, SPECIFIC_AVRO_KEY_TYPE);
        this.specificValueType = className(props, SPECIFIC_AVRO_VALUE_TYPE);
        requireTopicNameStrategy(props, KEY_SUBJECT_NAME_STRATEGY);
        requireTopicNameStrategy(props, VALUE_SUBJECT_NAME_STRATEGY);
        validateCredentials();
    }

    /**
      * Parses and validates the serde's keys from a client's configuration map; other keys are ignored.
      *
      * @throws ConfigException naming the key whose value is missing or invalid
      */
    public static SerdeConfig parse(Map<String, ?> props) {
        return new SerdeConfig(props, true);
    }

    /** Like {@link #parse} but {@value #SCHEMA_REGISTRY_URL} may be absent: for serdes given a client. */
    static SerdeConfig parseWithOptionalUrl(Map<String, ?> props) {
        return new SerdeConfig(props, false);
    }

    public List<RegistryUrl> urls() {
        return urls;
    }

    /** The {@code mock://} scope, or null when the URLs point at a real registry. */
    public String mockScope() {
        return !urls.isEmpty() && urls.get(0).isMock() ? urls.get(0).mockScope() : null;
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public CredentialsSource credentialsSource() {
        return credentialsSource;
    }

    /** The {@code user:password} from {@value #BASIC_AUTH_USER_INFO}, or null. A secret: never log it. */
    public String userInfo() {
        return userInfo;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public long retriesWaitMs() {
        return retriesWaitMs;
    }

    public long retriesMaxWaitMs() {
        return retriesMaxWaitMs;
    }

    /**
      * How long one call waits for an unavailable registry, retrying with back-off, before it throws
      * {@link SchemaRegistryUnavailableException}: {@value #REGISTRY_UNAVAILABLE_MAX_WAIT_MS}, else a producer's
      * {@value #PRODUCER_MAX_BLOCK_MS}, else {@value #DEFAULT_REGISTRY_UNAVAILABLE_MAX_WAIT_MS} ms.
      */
    public long unavailableMaxWaitMs() {
        return unavailableMaxWaitMs;
    }

    public long connectTimeoutMs() {
        return connectTimeoutMs;
    }

    public long readTimeoutMs() {
        return readTimeoutMs;
    }

    public boolean specificAvroReader() {
        return specificAvroReader;
    }

    /** The class name configured for keys or values by {@value #SPECIFIC_AVRO_KEY_TYPE}/{@value #SPECIFIC_AVRO_VALUE_TYPE}, or null. */
    public String specificType(boolean isKey) {
        return isKey ? specificKeyType : specificValueType;
    }

    /** The registry URLs, redacted, for messages. */
    public String describeRegistry() {
        return urls.isEmpty() ? "(no " + SCHEMA_REGISTRY_URL + ")"
                : String.join(",", urls.stream().map(RegistryUrl::redacted).toList());
    }

    @Override
    public String toString() {
        return "SerdeConfig{" + SCHEMA_REGISTRY_URL + "=" + describeRegistry()
                + ", " + AUTO_REGISTER_SCHEMAS + "=" + autoRegisterSchemas
                + ", " + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + credentialsSource
                + ", " + BASIC_AUTH_USER_INFO + "=" + (userInfo == null ? "(none)" : RegistryUrl.HIDDEN)
                + ", " + MAX_RETRIES + "=" + (maxRetries == Integer.MAX_VALUE ? "(no limit)" : maxRetries)
                + ", " + RETRIES_WAIT_MS + "=" + retriesWaitMs
                + ", " + RETRIES_MAX_WAIT_MS + "=" + retriesMaxWaitMs
                + ", " + REGISTRY_UNAVAILABLE_MAX_WAIT_MS + "=" + unavailableMaxWaitMs
                + ", " + HTTP_CONNECT_TIMEOUT_MS + "=" + connectTimeoutMs
                + ", " + HTTP_READ_TIMEOUT_MS + "=" + readTimeoutMs
                + ", " + SPECIFIC_AVRO_READER + "=" + specificAvroReader + "}";
    }

    private static List<RegistryUrl> parseUrls(Object value, boolean required) {
        List<String> texts = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> texts.add(String.valueOf(item)));
        } else if (value != null) {
            for (String part : value.toString().split(",")) {
                texts.add(part);
            }
        }
        texts.replaceAll(String::strip);
        texts.removeIf(String::isEmpty);
        if (texts.isEmpty() && !required) {
            return List.of();
        }
        if (texts.isEmpty()) {
            throw new ConfigException("Missing required configuration '" + SCHEMA_REGISTRY_URL + "': set it to"
                    + " the Schema Registry's URL, e.g. http://localhost:8081 (Apicurio:"
                    + " http://host:port/apis/ccompat/v7), or mock://<scope> for tests.");
        }
        List<RegistryUrl> urls = texts.stream().map(RegistryUrl::parse).toList();
        if (urls.size() > 1 && urls.stream().anyMatch(RegistryUrl::isMock)) {
            throw new ConfigException("Invalid value for '" + SCHEMA_REGISTRY_URL + "': a mock:// URL cannot be"
                    + " combined with other URLs (got " + urls.size() + " URLs).");
        }
        return urls;
    }

    private static CredentialsSource parseCredentialsSource(Object value) {
        if (value == null || value.toString().isBlank()) {
            return CredentialsSource.USER_INFO;
        }
        try {
            return CredentialsSource.valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid value '" + value + "' for configuration '"
                    + BASIC_AUTH_CREDENTIALS_SOURCE + "': supported are USER_INFO and URL.");
        }
    }

    private static String parseUserInfo(Map<String, ?> props) {
        String key = props.get(BASIC_AUTH_USER_INFO) != null ? BASIC_AUTH_USER_INFO : SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO;
        Object value = props.get(key);
        if (value == null || value.toString().isEmpty()) {
            return null;
        }
        String text = value instanceof Password password
                ? password.value() : value.toString();
        if (text.indexOf(':') < 1) {
            throw new ConfigException("Invalid value for configuration '" + key + "': expected user:password"
                    + " (value not shown because it is a secret).");
        }
        return text;
    }

    private void validateCredentials() {
        if (credentialsSource == CredentialsSource.URL) {
            for (RegistryUrl url : urls) {
                if (!url.isMock() && url.userInfo() == null) {
                    throw new ConfigException("Configuration '" + BASIC_AUTH_CREDENTIALS_SOURCE + "=URL' needs"
                            + " credentials in every '" + SCHEMA_REGISTRY_URL + "' (http://user:password@host:port),"
                            + " but " + url.redacted() + " has none.");
                }
            }
        }
    }

    private static boolean bool(Map<String, ?> props, String key, boolean defaultValue) {
        Object value = props.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("Invalid value '" + value + "' for configuration '" + key + "': expected true or false.");
    }

    private static long number(Map<String, ?> props, String key, long defaultValue, long min, long max) {
        Object value = props.get(key);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid value '" + value + "' for configuration '" + key + "': expected an integer.");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException("Invalid value '" + value + "' for configuration '" + key + "': must be between "
                    + min + " and " + max + ".");
        }
        return parsed;
    }

    private static String className(Map<String, ?> props, String key) {
        Object value = props.get(key);
        if (value == null) {
            return null;
        }
        return value instanceof Class<?> type ? type.getName() : value.toString().strip();
    }

    private static void requireTopicNameStrategy(Map<String, ?> props, String key) {
        Object value = props.get(key);
        String name = value instanceof Class<?> type ? type.getName() : value == null ? null : value.toString();
        if (name != null && !name.endsWith("TopicNameStrategy")) {
            throw new ConfigException("Invalid value '" + name + "' for configuration '" + key + "': Tickflow's serde"
                    + " only supports TopicNameStrategy (subjects <topic>-key and <topic>-value). Remove the key.");
        }
    }
}
