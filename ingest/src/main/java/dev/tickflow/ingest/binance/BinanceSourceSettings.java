package dev.tickflow.ingest.binance;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of {@link BinanceSource}; {@link #define(ConfigDef)} and {@link #from(AbstractConfig)} plug them into a service's config. */
public record BinanceSourceSettings(
        String streamUrl,
        String restUrl,
        Duration silenceTimeout,
        Duration backoffMin,
        Duration backoffMax,
        Duration minConnectInterval,
        Duration rotationPeriod,
        int maxStreamsPerConnection,
        int restAttempts,
        Duration restRetryBackoff,
        int restMaxWeightPerMinute,
        Duration resumeMaxAge) {

    public static final String TESTNET_STREAM_URL = "wss://stream.testnet.binance.vision";
    public static final String TESTNET_REST_URL = "https://testnet.binance.vision";
    public static final String PRODUCTION_STREAM_URL = "wss://stream.binance.com:9443";
    public static final String PRODUCTION_REST_URL = "https://api.binance.com";

    public static final String STREAM_URL = "ingest.binance.stream.url";
    public static final String REST_URL = "ingest.binance.rest.url";
    public static final String SILENCE_TIMEOUT_MS = "ingest.binance.silence.timeout.ms";
    public static final String BACKOFF_MIN_MS = "ingest.binance.reconnect.backoff.min.ms";
    public static final String BACKOFF_MAX_MS = "ingest.binance.reconnect.backoff.max.ms";
    public static final String MIN_CONNECT_INTERVAL_MS = "ingest.binance.connect.min.interval.ms";
    public static final String ROTATION_PERIOD_MS = "ingest.binance.rotation.period.ms";
    public static final String MAX_STREAMS = "ingest.binance.max.streams.per.connection";
    public static final String REST_ATTEMPTS = "ingest.binance.rest.attempts";
    public static final String REST_RETRY_BACKOFF_MS = "ingest.binance.rest.retry.backoff.ms";
    public static final String REST_MAX_WEIGHT_PER_MINUTE = "ingest.binance.rest.max.weight.per.minute";
    public static final String RESUME_MAX_AGE_MS = "ingest.binance.resume.max.age.ms";

    /** Binance cuts every stream connection after 24 hours. */
    static final Duration MAX_CONNECTION_AGE = Duration.ofHours(24);
    /** Binance's most streams on one connection. */
    public static final int BINANCE_MAX_STREAMS_PER_CONNECTION = 1024;
    /**
     * Symbols per connection by default: a replaced connection catches each of its symbols up over REST (weight 4 a
     * request), so 200 cost 800 of the 5000 per minute, and its URL stays near 4 KB; 2,000 symbols take 10 connections.
     */
    public static final int DEFAULT_STREAMS_PER_CONNECTION = 200;

    public BinanceSourceSettings {
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(restUrl, "restUrl");
        requirePositive(silenceTimeout, "silenceTimeout");
        requirePositive(backoffMin, "backoffMin");
        requirePositive(backoffMax, "backoffMax");
        requirePositive(rotationPeriod, "rotationPeriod");
        Objects.requireNonNull(minConnectInterval, "minConnectInterval");
        Objects.requireNonNull(restRetryBackoff, "restRetryBackoff");
        requirePositive(resumeMaxAge, "resumeMaxAge");
        if (restMaxWeightPerMinute < RestWeightBudget.AGG_TRADES_WEIGHT) {
            throw new IllegalArgumentException("restMaxWeightPerMinute must allow one aggTrades request ("
                    + RestWeightBudget.AGG_TRADES_WEIGHT + "), not " + restMaxWeightPerMinute);
        }
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("backoffMax " + backoffMax + " < backoffMin " + backoffMin);
        }
        if (rotationPeriod.compareTo(MAX_CONNECTION_AGE) >= 0) {
            throw new IllegalArgumentException("rotationPeriod " + rotationPeriod + " must be under 24 h");
        }
        if (maxStreamsPerConnection < 1 || maxStreamsPerConnection > BINANCE_MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException("maxStreamsPerConnection must be 1.." + BINANCE_MAX_STREAMS_PER_CONNECTION
                    + " (Binance's limit), not " + maxStreamsPerConnection);
        }
        if (restAttempts < 1) {
            throw new IllegalArgumentException("restAttempts must be positive");
        }
        streamUrl = stripSlash(streamUrl);
        restUrl = stripSlash(restUrl);
    }

    /** Spot Testnet with production-grade timings. */
    public static BinanceSourceSettings testnet() {
        return new BinanceSourceSettings(TESTNET_STREAM_URL, TESTNET_REST_URL, Duration.ofSeconds(30),
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(23),
                DEFAULT_STREAMS_PER_CONNECTION, 3, Duration.ofMillis(500), 5_000, Duration.ofHours(3));
    }

    /** The same timings against other endpoints, such as a fake on 127.0.0.1. */
    public BinanceSourceSettings withUrls(String newStreamUrl, String newRestUrl) {
        return new BinanceSourceSettings(newStreamUrl, newRestUrl, silenceTimeout, backoffMin, backoffMax,
                minConnectInterval, rotationPeriod, maxStreamsPerConnection, restAttempts, restRetryBackoff,
                restMaxWeightPerMinute, resumeMaxAge);
    }

    public BinanceSourceSettings withTimings(Duration newSilenceTimeout, Duration newBackoffMin, Duration newBackoffMax,
            Duration newMinConnectInterval, Duration newRestRetryBackoff) {
        return new BinanceSourceSettings(streamUrl, restUrl, newSilenceTimeout, newBackoffMin, newBackoffMax,
                newMinConnectInterval, rotationPeriod, maxStreamsPerConnection, restAttempts, newRestRetryBackoff,
                restMaxWeightPerMinute, resumeMaxAge);
    }

    public BinanceSourceSettings withMaxStreamsPerConnection(int newMaxStreamsPerConnection) {
        return new BinanceSourceSettings(streamUrl, restUrl, silenceTimeout, backoffMin, backoffMax,
                minConnectInterval, rotationPeriod, newMaxStreamsPerConnection, restAttempts, restRetryBackoff,
                restMaxWeightPerMinute, resumeMaxAge);
    }

    public BinanceSourceSettings withRotationPeriod(Duration newRotationPeriod) {
        return new BinanceSourceSettings(streamUrl, restUrl, silenceTimeout, backoffMin, backoffMax,
                minConnectInterval, newRotationPeriod, maxStreamsPerConnection, restAttempts, restRetryBackoff,
                restMaxWeightPerMinute, resumeMaxAge);
    }

    public BinanceSourceSettings withResumeMaxAge(Duration newResumeMaxAge) {
        return new BinanceSourceSettings(streamUrl, restUrl, silenceTimeout, backoffMin, backoffMax,
                minConnectInterval, rotationPeriod, maxStreamsPerConnection, restAttempts, restRetryBackoff,
                restMaxWeightPerMinute, newResumeMaxAge);
    }

    /** Adds the ingest.binance.* keys to {@code def} and returns it. */
    public static ConfigDef define(ConfigDef def) {
        BinanceSourceSettings d = testnet();
        return def
                .define(STREAM_URL, Type.STRING, d.streamUrl(), Importance.HIGH,
                        "WebSocket stream base URL; combined streams are read at <url>/stream?streams=... "
                                + "Production: " + PRODUCTION_STREAM_URL + ".")
                .define(REST_URL, Type.STRING, d.restUrl(), Importance.HIGH,
                        "REST base URL for the aggTrades backfill. Production: " + PRODUCTION_REST_URL + ".")
                .define(SILENCE_TIMEOUT_MS, Type.LONG, d.silenceTimeout().toMillis(), Range.atLeast(1), Importance.MEDIUM,
                        "A connection that delivers no message for this long is closed and replaced.")
                .define(BACKOFF_MIN_MS, Type.LONG, d.backoffMin().toMillis(), Range.atLeast(1), Importance.LOW,
                        "First reconnect delay; doubles per failed attempt, with jitter.")
                .define(BACKOFF_MAX_MS, Type.LONG, d.backoffMax().toMillis(), Range.atLeast(1), Importance.LOW,
                        "Largest reconnect delay.")
                .define(MIN_CONNECT_INTERVAL_MS, Type.LONG, d.minConnectInterval().toMillis(), Range.atLeast(0),
                        Importance.LOW, "Minimum time between two connection attempts (Binance limits connections per IP).")
                .define(ROTATION_PERIOD_MS, Type.LONG, d.rotationPeriod().toMillis(),
                        Range.between(1, MAX_CONNECTION_AGE.toMillis() - 1), Importance.LOW,
                        "The connection is replaced after this long, before Binance's 24-hour cut.")
                .define(MAX_STREAMS, Type.INT, d.maxStreamsPerConnection(), Range.between(1, BINANCE_MAX_STREAMS_PER_CONNECTION),
                        Importance.LOW, "Most symbols on one WebSocket connection (Binance allows " + BINANCE_MAX_STREAMS_PER_CONNECTION
                                + "); more symbols are spread over more connections.")
                .define(REST_ATTEMPTS, Type.INT, d.restAttempts(), Range.atLeast(1), Importance.LOW,
                        "Attempts per REST backfill page before the range is reported as a gap.")
                .define(REST_RETRY_BACKOFF_MS, Type.LONG, d.restRetryBackoff().toMillis(), Range.atLeast(0),
                        Importance.LOW, "Pause between two REST attempts.")
                .define(REST_MAX_WEIGHT_PER_MINUTE, Type.INT, d.restMaxWeightPerMinute(), Range.atLeast(RestWeightBudget.AGG_TRADES_WEIGHT),
                        Importance.LOW, "REST request weight per minute the backfill stays under, read from Binance's X-MBX-USED-WEIGHT-1M"
                                + " header (the IP's total; Binance allows 6000). Each aggTrades page weighs 4.")
                .define(RESUME_MAX_AGE_MS, Type.LONG, d.resumeMaxAge().toMillis(), Range.atLeast(1), Importance.MEDIUM,
                        "At start, a symbol whose last trade in md.trades is at most this old is backfilled from the next id over REST;"
                                + " an older one starts at the live stream and the ids in between are reported as a gap.");
    }

    public static BinanceSourceSettings from(AbstractConfig config) {
        return new BinanceSourceSettings(
                config.getString(STREAM_URL),
                config.getString(REST_URL),
                Duration.ofMillis(config.getLong(SILENCE_TIMEOUT_MS)),
                Duration.ofMillis(config.getLong(BACKOFF_MIN_MS)),
                Duration.ofMillis(config.getLong(BACKOFF_MAX_MS)),
                Duration.ofMillis(config.getLong(MIN_CONNECT_INTERVAL_MS)),
                Duration.ofMillis(config.getLong(ROTATION_PERIOD_MS)),
                config.getInt(MAX_STREAMS),
                config.getInt(REST_ATTEMPTS),
                Duration.ofMillis(config.getLong(REST_RETRY_BACKOFF_MS)),
                config.getInt(REST_MAX_WEIGHT_PER_MINUTE),
                Duration.ofMillis(config.getLong(RESUME_MAX_AGE_MS)));
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
