package dev.tickflow.api;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the API needs to know.
 *
 * @param host                where it listens
 * @param port                its port (0: any free port)
 * @param token               the bearer token of POST and DELETE when {@code host} is not a loopback address; null when none
 * @param candlesPerSeries    candles kept per symbol and interval
 * @param indicatorsPerSeries indicator snapshots kept per strategy instance and symbol
 * @param seriesRecords       candles and indicator snapshots kept in all (each series gets an equal share at most)
 * @param events              signals, order events and fills kept (each)
 * @param tickInterval        shortest time between two ticks of one symbol pushed over the WebSocket
 * @param topics              the topic catalog
 * @param kafkaClient         settings of the Kafka clients
 * @param serdeConfig         settings of the Avro serde
 * @param shutdownTimeout     how long closing may wait for the Kafka clients
 * @param allowedHosts        host names served besides IP addresses and localhost ({@link RequestOrigins})
 * @param allowedOrigins      web page origins besides the API's own that may change anything or open the WebSocket
 * @param maxSockets          WebSocket clients served at once
 * @param maxQueuedMessages   messages a WebSocket client may have waiting to be sent before it is dropped as too slow
 */
public record ApiSettings(String host, int port, String token, int candlesPerSeries, int indicatorsPerSeries, int seriesRecords, int events,
                          Duration tickInterval, TopicCatalog topics, Map<String, Object> kafkaClient,
                          Map<String, Object> serdeConfig, Duration shutdownTimeout, Set<String> allowedHosts,
                          Set<String> allowedOrigins, int maxSockets, int maxQueuedMessages) {

    public static final String APPLICATION_ID = "tickflow-api";
    public static final String HOST = "api.host";
    public static final String PORT = "api.port";
    public static final String TOKEN = "api.token";
    public static final String CANDLES_PER_SERIES = "api.view.candles";
    public static final String INDICATORS_PER_SERIES = "api.view.indicators";
    public static final String SERIES_RECORDS = "api.view.series.records";
    public static final String EVENTS = "api.view.events";
    public static final String TICK_INTERVAL_MS = "api.ws.tick.interval.ms";
    public static final String ALLOWED_HOSTS = "api.allowed.hosts";
    public static final String ALLOWED_ORIGINS = "api.allowed.origins";
    public static final String MAX_SOCKETS = "api.ws.max.clients";
    public static final String MAX_QUEUED_MESSAGES = "api.ws.max.queued.messages";
    public static final int DEFAULT_PORT = 8080;
    /** 32 characters: 128 bits or more from any generator worth using (e.g. {@code openssl rand -hex 32}). */
    public static final int MIN_TOKEN_LENGTH = 32;

    public ApiSettings {
        kafkaClient = Map.copyOf(kafkaClient);
        serdeConfig = Map.copyOf(serdeConfig);
        allowedHosts = Set.copyOf(allowedHosts);
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw new ConfigException(TOKEN + " is too short: " + token.length() + " characters, at least " + MIN_TOKEN_LENGTH
                    + " are needed. Generate one, e.g. with 'openssl rand -hex 32'.");
        }
        if (!isLoopback(host) && token == null) {
            throw new ConfigException(TOKEN, "(not set)", "is required when " + HOST + " (" + host
                    + ") is not a loopback address: POST and DELETE change what ingest follows. Set " + TOKEN
                    + " (or TICKFLOW_API_TOKEN), or bind " + HOST + "=127.0.0.1.");
        }
    }

    /** The keys of the API: the common ones, the strategy service's (for GET /strategy) and its own. */
    public static ConfigDef definition() {
        ConfigDef definition = CommonConfig.definition(APPLICATION_ID, CommonConfig.HTTP_PORT_DISABLED)
                .define(HOST, Type.STRING, CommonConfig.LOCAL_HTTP_HOST, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Address the API and dashboard listen on. Any address but a loopback one requires " + TOKEN + ".")
                .define(PORT, Type.INT, DEFAULT_PORT, Range.between(0, 65_535), Importance.HIGH,
                        "Port of the API and dashboard; 0 picks a free port.")
                .define(TOKEN, Type.PASSWORD, null, Importance.HIGH,
                        "Bearer token POST and DELETE require (Authorization: Bearer <token>) when " + HOST
                                + " is not a loopback address. Never logged nor returned.")
                .define(CANDLES_PER_SERIES, Type.INT, 1_000, Range.between(1, 100_000), Importance.MEDIUM,
                        "Candles kept in memory per symbol and interval.")
                .define(INDICATORS_PER_SERIES, Type.INT, 1_000, Range.between(1, 100_000), Importance.MEDIUM,
                        "Indicator snapshots kept in memory per strategy instance and symbol.")
                .define(SERIES_RECORDS, Type.INT, 300_000, Range.between(1, 100_000_000), Importance.MEDIUM,
                        "Candles and indicator snapshots kept in memory in all, about 200 bytes of heap each: every series "
                                + "(symbol and interval, strategy instance and symbol) keeps at most an equal share, so memory "
                                + "stays bounded however many symbols are followed.")
                .define(EVENTS, Type.INT, 1_000, Range.between(1, 1_000_000), Importance.MEDIUM,
                        "Signals, order events and fills kept in memory (each, all symbols together).")
                .define(TICK_INTERVAL_MS, Type.LONG, 250L, Range.atLeast(0), Importance.LOW,
                        "Shortest time between two ticks of one symbol pushed over the WebSocket (the latest one wins).")
                .define(ALLOWED_HOSTS, Type.LIST, "", Importance.MEDIUM,
                        "Host names (Host header) served besides IP addresses and localhost, e.g. tickflow.example.internal. "
                                + "Any other name is refused, which stops DNS rebinding.")
                .define(ALLOWED_ORIGINS, Type.LIST, "", Importance.MEDIUM,
                        "Web page origins (scheme://host:port) besides the API's own whose pages may POST/DELETE and open the WebSocket.")
                .define(MAX_SOCKETS, Type.INT, 32, Range.between(1, 10_000), Importance.LOW,
                        "WebSocket clients served at once; more are refused with 503.")
                .define(MAX_QUEUED_MESSAGES, Type.INT, 1_000, Range.between(1, 1_000_000), Importance.LOW,
                        "Messages a WebSocket client may have waiting to be sent; a client that falls further behind is disconnected.");
        StrategySettings.definition().configKeys().values().forEach(key -> {
            if (!definition.configKeys().containsKey(key.name)) {
                definition.define(key);
            }
        });
        return definition;
    }

    public static ApiSettings from(TickflowConfig config) {
        return new ApiSettings(config.getString(HOST), config.getInt(PORT), config.secret(TOKEN), config.getInt(CANDLES_PER_SERIES),
                config.getInt(INDICATORS_PER_SERIES), config.getInt(SERIES_RECORDS), config.getInt(EVENTS), Duration.ofMillis(config.getLong(TICK_INTERVAL_MS)),
                TopicCatalog.from(config), config.kafkaClientProperties(), config.serdeProperties(),
                Duration.ofMillis(config.getLong(ConfigKeys.SHUTDOWN_TIMEOUT_MS)), Set.copyOf(config.getList(ALLOWED_HOSTS)),
                Set.copyOf(config.getList(ALLOWED_ORIGINS)), config.getInt(MAX_SOCKETS), config.getInt(MAX_QUEUED_MESSAGES));
    }

    /** Whether POST and DELETE need the token: the API listens on more than the loopback interface. */
    public boolean tokenRequired() {
        return !isLoopback(host);
    }

    /** The smallest published candle interval: the one GET /candles and the dashboard show by default. */
    public CandleInterval defaultInterval() {
        return topics.candleIntervals().stream().min((a, b) -> a.length().compareTo(b.length())).orElseThrow();
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException(HOST, host, "is not a known host or address");
        }
    }

    @Override
    public String toString() {
        return "ApiSettings[" + host + ":" + port + ", token " + (token == null ? "none" : "set") + "]";
    }
}
