package dev.tickflow.config;

import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/** The keys every Tickflow service shares; defaults work against the local stack of {@code tickflow up}. */
public final class CommonConfig {
    public static final String LOCAL_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String LOCAL_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";
    public static final String AT_LEAST_ONCE = "at_least_once";
    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
    public static final String LOCAL_HTTP_HOST = "127.0.0.1";
    /** {@code http.port}: bind any free port (the service prints which). */
    public static final int HTTP_PORT_ANY = 0;
    /** {@code http.port}: no health or metrics endpoints. */
    public static final int HTTP_PORT_DISABLED = -1;
    public static final long DEFAULT_SHUTDOWN_TIMEOUT_MS = 20_000;
    /** Default {@code http.port} per service (by default application id), so that they can share a machine. */
    private static final Map<String, Integer> DEFAULT_HTTP_PORTS = Map.of(
            "tickflow-ingest", 8091,
            "tickflow-aggregate", 8092,
            "tickflow-strategy", 8093,
            "tickflow-executor", 8094);

    private CommonConfig() {
    }

    /**
     * The common keys, with {@code applicationId} as the default {@code application.id} and that service's default
     * {@code http.port} (any free port for an id not in the table); services define their own keys on top.
     */
    public static ConfigDef definition(String applicationId) {
        return definition(applicationId, defaultHttpPort(applicationId));
    }

    /** The common keys, with explicit defaults for {@code application.id} and {@code http.port}. */
    public static ConfigDef definition(String applicationId, int defaultHttpPort) {
        return new ConfigDef()
                .define(ConfigKeys.BOOTSTRAP_SERVERS, Type.STRING, LOCAL_BOOTSTRAP_SERVERS, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Kafka bootstrap servers. Every other kafka.* key passes to the Kafka clients without the prefix.")
                .define(ConfigKeys.SCHEMA_REGISTRY_URL, Type.STRING, LOCAL_SCHEMA_REGISTRY_URL, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Confluent-compatible schema registry URL(s), comma-separated; mock://<scope> for an in-memory registry in tests.")
                .define(ConfigKeys.SCHEMA_REGISTRY_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                        "user:password for the registry's basic authentication.")
                .define(ConfigKeys.AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Register the record schemas under <topic>-value on first use; false to only look them up.")
                .define(ConfigKeys.APPLICATION_ID, Type.STRING, applicationId, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Kafka Streams application id / consumer group id of the service.")
                .define(ConfigKeys.NUM_STREAM_THREADS, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                        "Stream threads per instance.")
                .define(ConfigKeys.STATE_DIR, Type.STRING, Path.of(System.getProperty("user.home"), ".tickflow", "state").toString(),
                        new ConfigDef.NonEmptyString(), Importance.MEDIUM, "Directory of the local state stores.")
                .define(ConfigKeys.REPLICATION_FACTOR, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                        "Replication factor of internal topics (changelogs, repartition topics); 3 on a production cluster.")
                .define(ConfigKeys.NUM_STANDBY_REPLICAS, Type.INT, 0, Range.atLeast(0), Importance.LOW,
                        "Standby replicas of each state store, for fast fail-over.")
                .define(ConfigKeys.PROCESSING_GUARANTEE, Type.STRING, EXACTLY_ONCE_V2, ValidString.in(EXACTLY_ONCE_V2, AT_LEAST_ONCE),
                        Importance.MEDIUM, "exactly_once_v2 (default) or at_least_once.")
                .define(ConfigKeys.CANDLE_INTERVALS, Type.LIST, "1m,5m,15m,1h", CommonConfig::validateIntervals, Importance.MEDIUM,
                        "Candle intervals to publish, each in md.candles.<interval>; 1m must be one of them.")
                .define(ConfigKeys.TOPICS_PARTITIONS, Type.INT, TopicCatalog.DEFAULT_PARTITIONS, Range.atLeast(1), Importance.MEDIUM,
                        "Partitions of every topic keyed by symbol (they are co-partitioned, so keep them equal).")
                .define(ConfigKeys.TOPICS_REPLICATION_FACTOR, Type.SHORT, TopicCatalog.DEFAULT_REPLICATION_FACTOR, Range.atLeast(1),
                        Importance.MEDIUM, "Replication factor of the topics Tickflow creates.")
                .define(ConfigKeys.HTTP_HOST, Type.STRING, LOCAL_HTTP_HOST, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Address the health and metrics endpoints listen on; 0.0.0.0 to let other hosts (Prometheus, probes) reach them.")
                .define(ConfigKeys.HTTP_PORT, Type.INT, defaultHttpPort, Range.between(HTTP_PORT_DISABLED, 65_535), Importance.MEDIUM,
                        "Port of the health (/health) and metrics (/metrics) endpoints; 0 picks a free port, -1 disables them.")
                .define(ConfigKeys.SHUTDOWN_TIMEOUT_MS, Type.LONG, DEFAULT_SHUTDOWN_TIMEOUT_MS, Range.atLeast(0), Importance.LOW,
                        "How long a service waits for its Kafka clients to close on SIGTERM/Ctrl+C before giving up.");
    }

    /** The default {@code http.port} of the service with this default application id. */
    public static int defaultHttpPort(String applicationId) {
        return DEFAULT_HTTP_PORTS.getOrDefault(applicationId, HTTP_PORT_ANY);
    }

    private static void validateIntervals(String key, Object value) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) value;
        try {
            List<String> parsed = names.stream().map(CandleInterval::parse).map(CandleInterval::name).toList();
            if (!parsed.contains("1m")) {
                throw new ConfigException(key, value, "must include 1m: every other interval is rolled up from it");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, e.getMessage());
        }
    }
}
