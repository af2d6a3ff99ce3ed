package dev.tickflow.executor.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's user-data stream over Binance's WebSocket API: {@code userDataStream.subscribe.signature} (API key,
 * timestamp, HMAC-SHA256 of the sorted parameters), then {@code executionReport} and {@code outboundAccountPosition}
 * events. Binance Connector Java 3.4.1 neither reconnects nor watches for silence, so this client does, on OkHttp:
 * <ul>
 *   <li>a ping every {@link #PING_INTERVAL}; a pong that does not come fails the connection (the silence watchdog: a
 *       quiet account sends no events, so silence of events alone proves nothing);</li>
 *   <li>a failure, a close or {@code eventStreamTerminated} reconnects after a back-off doubling from
 *       {@link #FIRST_BACKOFF} to {@link #MAX_BACKOFF}, reset by a successful subscription;</li>
 *   <li>every successful subscription, like every event, raises the "changed" flag: events of the gap are lost, so the
 *       executor resynchronises from a REST snapshot.</li>
 * </ul>
 * Events are only hints that the account changed: what changed is read from REST on the stream thread, so an event
 * lost, repeated or out of order changes nothing. The secret stays in this object; nothing logs it.
 */
public final class UserDataStream implements AutoCloseable {
    static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(UserDataStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String apiKey;
    private final String secret;
    private final Clock clock;
    private final OkHttpClient client;
    private final ScheduledExecutorService reconnects;
    private final AtomicBoolean changed = new AtomicBoolean();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger failures = new AtomicInteger();
    private volatile WebSocket socket;
    private volatile boolean closed;

    public UserDataStream(URI uri, String apiKey, String secret, Clock clock) {
        this.uri = uri;
        this.apiKey = apiKey;
        this.secret = secret;
        this.clock = clock;
        this.client = new OkHttpClient.Builder().pingInterval(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(10, TimeUnit.SECONDS).build();
        this.reconnects = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "user-data-stream");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects (in the background); from then on it stays connected until {@link #close}. */
    public void start() {
        reconnects.execute(this::connect);
    }

    /** Whether an event came or the stream (re)subscribed since the last call; clears the flag. */
    public boolean takeChanged() {
        return changed.getAndSet(false);
    }

    /** Successful subscriptions so far: 1 after the first, one more per reconnect. */
    public int subscriptions() {
        return subscriptions.get();
    }

    /** The signature parameters of a {@code subscribe.signature} request: sorted, HMAC-SHA256 hex of {@code k=v&...}. */
    static Map<String, String> signedParams(String apiKey, String secret, long timestamp) {
        Map<String, String> params = new TreeMap<>(Map.of("apiKey", apiKey, "timestamp", Long.toString(timestamp)));
        StringBuilder payload = new StringBuilder();
        params.forEach((key, value) -> payload.append(payload.length() == 0 ? "" : "&").append(key).append('=').append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            params.put("signature", HexFormat.of().formatHex(mac.doFinal(payload.toString().getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        return params;
    }

    private void connect() {
        if (closed) {
            return;
        }
        socket = client.newWebSocket(new Request.Builder().url(uri.toString()).build(), new Listener());
    }

    private void reconnectLater(String why) {
        if (closed) {
            return;
        }
        int attempt = failures.getAndIncrement();
        long millis = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempt, 16));
        log.warn("User-data stream at {}: {}; reconnecting in {} ms", uri, why, millis);
        try {
            reconnects.schedule(this::connect, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket current = socket;
        if (current != null) {
            current.send("{\"id\":" + nextId.getAndIncrement() + ",\"method\":\"userDataStream.unsubscribe\"}");
            current.close(1000, "executor closing");
        }
        reconnects.shutdownNow();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private final class Listener extends WebSocketListener {
        private long subscribeId;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            ObjectNode request = JSON.createObjectNode();
            subscribeId = nextId.getAndIncrement();
            request.put("id", subscribeId).put("method", "userDataStream.subscribe.signature");
            ObjectNode params = request.putObject("params");
            signedParams(apiKey, secret, clock.millis()).forEach(params::put);
            webSocket.send(request.toString());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (Exception e) {
                log.warn("User-data stream: unreadable message skipped ({} characters)", text.length());
                return;
            }
            if (message.has("id") && message.get("id").asLong() == subscribeId) {
                if (message.path("status").asInt() == 200) {
                    int count = subscriptions.incrementAndGet();
                    failures.set(0);
                    changed.set(true); // events of the gap are lost: resynchronise
                    log.info("User-data stream subscribed (subscription {}, {} so far)", message.path("result").path("subscriptionId").asText(), count);
                } else {
                    JsonNode error = message.path("error");
                    webSocket.cancel();
                    reconnectLater("subscription refused (status " + message.path("status").asInt() + ", code " + error.path("code").asText()
                            + ": " + error.path("msg").asText() + ")");
                }
                return;
            }
            String type = message.path("event").path("e").asText();
            switch (type) {
                case "executionReport", "outboundAccountPosition", "balanceUpdate", "listStatus" -> changed.set(true);
                case "eventStreamTerminated" -> webSocket.close(1000, "the exchange terminated the event stream"); // onClosed reconnects
                default -> log.debug("User-data stream: {} ignored", type);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            if (webSocket == socket) {
                reconnectLater("closed (" + code + ")");
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (webSocket == socket) {
                reconnectLater("connection failed (" + t.getClass().getSimpleName() + ")");
            }
        }
    }
}
