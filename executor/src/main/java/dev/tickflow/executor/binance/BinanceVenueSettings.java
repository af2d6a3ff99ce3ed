package dev.tickflow.executor.binance;

import dev.tickflow.config.TickflowConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@link BinanceVenue}; {@link #define(ConfigDef)} and {@link #from(TickflowConfig)} plug them into the
 * executor's config. The API key and secret are {@link Type#PASSWORD} values: {@link #toString()} and the config's
 * description redact them.
 *
 * @param apiKey     null when not configured; {@link #requireCredentials()} refuses that
 * @param apiSecret  null when not configured
 * @param recvWindow how long after its timestamp Binance still accepts a signed request
 * @param maxBackoff the longest a call waits in total on HTTP 429/418 before it gives up
 * @param maxWork    the longest all calls of one unit of work (a signal, a refresh round) may take together, waits and
 *                   timeouts included: a call is cut short at it, and no call starts past it
 */
public record BinanceVenueSettings(
        String restUrl,
        String apiKey,
        String apiSecret,
        Duration recvWindow,
        Duration connectTimeout,
        Duration readTimeout,
        Duration maxBackoff,
        Duration maxWork) {

    public static final String TESTNET_REST_URL = "https://testnet.binance.vision";
    public static final String PRODUCTION_REST_URL = "https://api.binance.com";

    public static final String REST_URL = "executor.binance.rest.url";
    public static final String ALLOW_PLAIN_HTTP = "executor.binance.allow.plain.http";
    public static final String API_KEY = "executor.binance.api.key";
    public static final String API_SECRET = "executor.binance.api.secret";
    public static final String API_SECRET_FILE = "executor.binance.api.secret.file";
    public static final String RECV_WINDOW_MS = "executor.binance.recv.window.ms";
    public static final String CONNECT_TIMEOUT_MS = "executor.binance.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "executor.binance.read.timeout.ms";
    public static final String MAX_BACKOFF_MS = "executor.binance.max.backoff.ms";
    public static final String MAX_WORK_MS = "executor.binance.max.work.ms";
    /** Kafka Streams' transaction timeout under exactly_once_v2 unless {@code kafka.transaction.timeout.ms} sets another. */
    public static final Duration STREAMS_TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    /** The environment variables that set the credentials (TickflowConfig's TICKFLOW_* convention). */
    public static final String API_KEY_ENV = "TICKFLOW_EXECUTOR_BINANCE_API_KEY";
    public static final String API_SECRET_ENV = "TICKFLOW_EXECUTOR_BINANCE_API_SECRET";
    public static final String API_SECRET_FILE_ENV = "TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE";

    /** Binance refuses a larger recvWindow. */
    static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);

    public BinanceVenueSettings {
        Objects.requireNonNull(restUrl, "restUrl");
        requirePositive(recvWindow, "recvWindow");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        requirePositive(maxWork, "maxWork");
        if (recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
            throw new IllegalArgumentException("recvWindow " + recvWindow + " is above Binance's maximum " + MAX_RECV_WINDOW);
        }
        restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        apiKey = blankToNull(apiKey);
        apiSecret = blankToNull(apiSecret);
    }

    /**
     * Spot Testnet, no credentials, and timings that keep the venue calls of a signal and of a refresh round (which can
     * fall into one Kafka transaction) together under the {@link #STREAMS_TRANSACTION_TIMEOUT}: 4 s of work each.
     */
    public static BinanceVenueSettings testnet() {
        return new BinanceVenueSettings(TESTNET_REST_URL, null, null, Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    public BinanceVenueSettings withRestUrl(String newRestUrl) {
        return new BinanceVenueSettings(newRestUrl, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxBackoff, maxWork);
    }

    public BinanceVenueSettings withCredentials(String newApiKey, String newApiSecret) {
        return new BinanceVenueSettings(restUrl, newApiKey, newApiSecret, recvWindow, connectTimeout, readTimeout, maxBackoff, maxWork);
    }

    public BinanceVenueSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout, Duration newMaxBackoff) {
        return new BinanceVenueSettings(restUrl, apiKey, apiSecret, recvWindow, newConnectTimeout, newReadTimeout, newMaxBackoff, maxWork);
    }

    public BinanceVenueSettings withMaxWork(Duration newMaxWork) {
        return new BinanceVenueSettings(restUrl, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxBackoff, newMaxWork);
    }

    /**
     * These settings, when the venue work of a signal and of a refresh round together (they can share one Kafka
     * transaction) stays under {@code transactionTimeout}; otherwise a message naming {@value #MAX_WORK_MS}.
     */
    public BinanceVenueSettings requireWorkWithin(Duration transactionTimeout) {
        if (maxWork.multipliedBy(2).compareTo(transactionTimeout) >= 0) {
            throw new ConfigException(MAX_WORK_MS, maxWork.toMillis(), "twice this (a signal and a refresh round can share one Kafka "
                    + "transaction) must stay below the transaction timeout of " + transactionTimeout.toMillis() + " ms, or the "
                    + "broker aborts the transaction while the executor waits for Binance");
        }
        return this;
    }

    public boolean hasCredentials() {
        return apiKey != null && apiSecret != null;
    }

    /** These settings, when they hold an API key and secret; otherwise a message saying how to provide them. */
    public BinanceVenueSettings requireCredentials() {
        if (!hasCredentials()) {
            throw new ConfigException("The binance broker needs API credentials and "
                    + (apiKey == null && apiSecret == null ? "has neither a key nor a secret"
                    : apiKey == null ? "has no API key" : "has no API secret")
                    + ". Set the environment variables " + API_KEY_ENV + " and " + API_SECRET_ENV
                    + " (or " + API_SECRET_FILE_ENV + " naming a file that holds the secret), then start again.");
        }
        return this;
    }

    /** Adds the executor.binance.* keys to {@code def} and returns it. */
    public static ConfigDef define(ConfigDef def) {
        BinanceVenueSettings d = testnet();
        return def
                .define(REST_URL, Type.STRING, d.restUrl(), Importance.HIGH,
                        "REST base URL of the exchange the binance venue trades on. Default: the Spot Testnet. "
                                + "Production: " + PRODUCTION_REST_URL + ". Must be https:// (http:// only to this machine's "
                                + "loopback address, or with " + ALLOW_PLAIN_HTTP + "=true).")
                .define(ALLOW_PLAIN_HTTP, Type.BOOLEAN, false, Importance.LOW,
                        "Allow an http:// " + REST_URL + " on another host (a test exchange on a trusted network): the API key "
                                + "and every signed order then cross the network in clear text.")
                .define(API_KEY, Type.PASSWORD, null, Importance.HIGH,
                        "Binance API key. Set it through the environment variable " + API_KEY_ENV + ".")
                .define(API_SECRET, Type.PASSWORD, null, Importance.HIGH,
                        "Binance API secret (HMAC). Set it through the environment variable " + API_SECRET_ENV
                                + ", or put it in a file named by " + API_SECRET_FILE + ".")
                .define(API_SECRET_FILE, Type.STRING, null, Importance.MEDIUM,
                        "A file whose content (trimmed) is the Binance API secret, such as a mounted secret.")
                .define(RECV_WINDOW_MS, Type.LONG, d.recvWindow().toMillis(), Range.between(1, MAX_RECV_WINDOW.toMillis()),
                        Importance.LOW, "How long after its timestamp Binance accepts a signed request.")
                .define(CONNECT_TIMEOUT_MS, Type.LONG, d.connectTimeout().toMillis(), Range.atLeast(1), Importance.LOW,
                        "Connect timeout of a REST call; past it the call's outcome is unknown.")
                .define(READ_TIMEOUT_MS, Type.LONG, d.readTimeout().toMillis(), Range.atLeast(1), Importance.LOW,
                        "Read timeout of a REST call; past it an order's fate is unknown and the executor looks it up.")
                .define(MAX_BACKOFF_MS, Type.LONG, d.maxBackoff().toMillis(), Range.atLeast(0), Importance.LOW,
                        "Longest total wait of one call on HTTP 429/418 before it gives up; a Retry-After beyond it (or beyond "
                                + MAX_WORK_MS + ") is not waited for.")
                .define(MAX_WORK_MS, Type.LONG, d.maxWork().toMillis(), Range.atLeast(1), Importance.LOW,
                        "Longest time the Binance calls of one signal or one refresh round take together (timeouts and waits "
                                + "included); twice it must stay below the Kafka transaction timeout (10 s by default).");
    }

    public static BinanceVenueSettings from(TickflowConfig config) {
        String secret = config.secret(API_SECRET);
        String secretFile = config.getString(API_SECRET_FILE);
        if (secretFile != null && !secretFile.isBlank()) {
            if (secret != null) {
                throw new ConfigException("Set the Binance API secret once: either " + API_SECRET + " or "
                        + API_SECRET_FILE + ", not both.");
            }
            secret = readSecretFile(Path.of(secretFile));
        }
        return new BinanceVenueSettings(
                checkedRestUrl(config.getString(REST_URL), config.getBoolean(ALLOW_PLAIN_HTTP)),
                config.secret(API_KEY),
                secret,
                Duration.ofMillis(config.getLong(RECV_WINDOW_MS)),
                Duration.ofMillis(config.getLong(CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(config.getLong(READ_TIMEOUT_MS)),
                Duration.ofMillis(config.getLong(MAX_BACKOFF_MS)),
                Duration.ofMillis(config.getLong(MAX_WORK_MS)));
    }

    /**
     * An https:// URL, or an http:// one to a loopback address (the requests never leave the machine) or explicitly
     * allowed: the API key header and the signed requests must not cross a network in clear text.
     */
    static String checkedRestUrl(String url, boolean allowPlainHttp) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(REST_URL + " is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        if (scheme.equals("https") || scheme.equals("http") && (loopback || allowPlainHttp)) {
            return url;
        }
        throw new ConfigException(REST_URL + " must be an https:// URL, not " + url + ": over " + scheme
                + " the API key and the signed orders would cross the network in clear text. Use https://, or set "
                + ALLOW_PLAIN_HTTP + "=true for a test exchange on a trusted network.");
    }

    /** Never shows the key or the secret. */
    @Override
    public String toString() {
        return "BinanceVenueSettings{restUrl=" + restUrl + ", apiKey=" + (apiKey == null ? "<none>" : "[hidden]")
                + ", apiSecret=" + (apiSecret == null ? "<none>" : "[hidden]") + ", recvWindow=" + recvWindow
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxBackoff=" + maxBackoff + ", maxWork=" + maxWork + "}";
    }

    private static String readSecretFile(Path file) {
        try {
            String content = Files.readString(file).trim();
            if (content.isEmpty()) {
                throw new ConfigException("The Binance API secret file " + file + " (" + API_SECRET_FILE + ") is empty.");
            }
            return content;
        } catch (IOException e) {
            // the exception's message names the file only, never its content
            throw new ConfigException("Cannot read the Binance API secret file " + file + " (" + API_SECRET_FILE + "): "
                    + e.getClass().getSimpleName());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
