package dev.tickflow.executor.reconcile;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.binance.BinanceVenueSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the executor reconciles with an exchange account ({@code executor.reconcile.*}, and the WebSocket API address of
 * the user-data stream). The paper venue has no account to reconcile with and ignores them.
 *
 * @param enabled            whether the binance venue reconciles at all
 * @param interval           how often the full REST snapshot (open orders and balances) is compared, besides every
 *                           user-data stream event and every (re)connect of the stream
 * @param haltOnUnexplained  whether a difference the executor cannot explain halts the instances it concerns
 * @param userDataStreamUrl  the WebSocket API ({@code .../ws-api/v3}); null: derived from the REST URL (same host)
 */
public record ReconcileSettings(boolean enabled, Duration interval, boolean haltOnUnexplained, String userDataStreamUrl) {

    public static final String PREFIX = "executor.reconcile.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String INTERVAL_MS = PREFIX + "interval.ms";
    public static final String HALT_ON_UNEXPLAINED = PREFIX + "halt.on.unexplained";
    public static final String WS_API_URL = "executor.binance.ws.api.url";
    /** The path of Binance's WebSocket API. */
    public static final String WS_API_PATH = "/ws-api/v3";
    /** The Spot Testnet's WebSocket API, where its user-data stream is. */
    public static final String TESTNET_WS_API_URL = "wss://ws-api.testnet.binance.vision" + WS_API_PATH;

    public ReconcileSettings {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The reconciliation interval must be positive: " + interval);
        }
    }

    /** On, every minute, halting on an unexplained difference, the WebSocket API on the REST host. */
    public static ReconcileSettings defaults() {
        return new ReconcileSettings(true, Duration.ofMinutes(1), true, null);
    }

    public ReconcileSettings withHaltOnUnexplained(boolean halt) {
        return new ReconcileSettings(enabled, interval, halt, userDataStreamUrl);
    }

    /**
     * The WebSocket API to subscribe on: the configured one; the Spot Testnet's for the Spot Testnet's REST URL (the
     * default); else the REST URL's host with ws/wss and {@value #WS_API_PATH} (right for the fake exchange; real
     * Binance serves its WebSocket API on a host of its own, to be configured).
     */
    public URI userDataStreamUri(String restUrl) {
        if (userDataStreamUrl != null && !userDataStreamUrl.isBlank()) {
            return URI.create(userDataStreamUrl.trim());
        }
        if (BinanceVenueSettings.TESTNET_REST_URL.equals(restUrl)) {
            return URI.create(TESTNET_WS_API_URL);
        }
        URI rest = URI.create(restUrl);
        String scheme = "https".equals(rest.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + rest.getRawAuthority() + WS_API_PATH);
    }

    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                        "binance: compare the executor's open orders and positions with the exchange account (user-data stream "
                                + "events, every (re)connect, every " + INTERVAL_MS + ") and resolve each difference. paper: ignored.")
                .define(INTERVAL_MS, Type.LONG, Duration.ofMinutes(1).toMillis(), Range.atLeast(100), Importance.MEDIUM,
                        "binance: how often the REST snapshot of open orders and balances is compared, besides every stream event.")
                .define(HALT_ON_UNEXPLAINED, Type.BOOLEAN, true, Importance.HIGH,
                        "binance: a balance difference the executor cannot explain halts the instances holding that asset (every "
                                + "instance when none does) until lifted; false: the CRITICAL alert only.")
                .define(WS_API_URL, Type.STRING, "", Importance.MEDIUM,
                        "binance: the WebSocket API (ws:// or wss://, path " + WS_API_PATH + ") of the user-data stream; empty: "
                                + "the Spot Testnet's for the Spot Testnet's REST URL, else the REST URL's host (set it for real Binance).");
    }

    public static ReconcileSettings from(TickflowConfig config) {
        String url = config.getString(WS_API_URL);
        if (!url.isBlank()) {
            String scheme = url.trim().toLowerCase(Locale.ROOT);
            if (!scheme.startsWith("ws://") && !scheme.startsWith("wss://")) {
                throw new ConfigException(WS_API_URL, url, "must start with ws:// or wss://");
            }
        }
        return new ReconcileSettings(config.getBoolean(ENABLED), Duration.ofMillis(config.getLong(INTERVAL_MS)),
                config.getBoolean(HALT_ON_UNEXPLAINED), url.isBlank() ? null : url.trim());
    }
}
