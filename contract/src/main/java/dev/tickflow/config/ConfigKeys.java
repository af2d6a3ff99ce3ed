package dev.tickflow.config;

/** The one place that names Tickflow's configuration keys (topic keys are built by {@link dev.tickflow.topics.TopicCatalog}). */
public final class ConfigKeys {
    /** Prefix of keys passed through, without it, to every Kafka client (security, SASL, TLS, tuning). */
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String BOOTSTRAP_SERVERS = KAFKA_PREFIX + "bootstrap.servers";

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    public static final String APPLICATION_ID = "application.id";
    public static final String NUM_STREAM_THREADS = "num.stream.threads";
    public static final String STATE_DIR = "state.dir";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String NUM_STANDBY_REPLICAS = "num.standby.replicas";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";

    /** Address of a service's health and metrics endpoints. */
    public static final String HTTP_HOST = "http.host";
    /** Port of a service's health and metrics endpoints: 0 picks a free port, -1 disables them. */
    public static final String HTTP_PORT = "http.port";
    /** How long a service waits for Kafka Streams to close on shutdown. */
    public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";

    public static final String CANDLE_INTERVALS = "candles.intervals";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    /** Per-topic overrides: {@code topic.<default name>.<property>}, e.g. {@code topic.md.trades.partitions}. */
    public static final String TOPIC_PREFIX = "topic.";

    /** Environment variables with this prefix override keys: TICKFLOW_KAFKA_BOOTSTRAP_SERVERS sets kafka.bootstrap.servers. */
    public static final String ENV_PREFIX = "TICKFLOW_";

    private ConfigKeys() {
    }
}
