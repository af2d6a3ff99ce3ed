package dev.tickflow.testkit.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;

/**
 * The user-data stream of the fake's WebSocket API ({@code /ws-api/v3}): {@code userDataStream.subscribe.signature}
 * (API key and HMAC-SHA256 signature of the sorted parameters checked), {@code userDataStream.unsubscribe}, then every
 * event the exchange publishes as {@code {"subscriptionId":N,"event":{...}}}. A test can drop every connection
 * ({@link #closeAll}), end every subscription ({@link #terminate}) or hold events back while the stream "is down"
 * ({@link #pause}).
 */
public final class FakeUserDataStream {
    private final ObjectMapper json = new ObjectMapper();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Predicate<Map<String, String>> signatureCheck;
    private volatile boolean paused;

    /** @param signatureCheck whether signed parameters (with {@code apiKey} and {@code signature}) are valid */
    FakeUserDataStream(Predicate<Map<String, String>> signatureCheck) {
        this.signatureCheck = signatureCheck;
    }

    /** Subscriptions accepted so far (a reconnecting client adds one each time). */
    public int subscriptionCount() {
        return subscriptions.get();
    }

    /** Subscriptions refused for a wrong API key or signature. */
    public int refusedSubscriptions() {
        return refused.get();
    }

    /** Connections with a live subscription. */
    public int subscribed() {
        return (int) subscribers.stream().filter(s -> s.subscriptionId >= 0).count();
    }

    /**
     * Closes every connection from the server side (close frame 1001): the client must reconnect and resynchronise. For
     * connections cut without a close frame, see {@link FakeBinance#dropConnections()}.
     */
    public void closeAll() {
        List<Subscriber> all = new ArrayList<>(subscribers);
        subscribers.clear();
        all.forEach(s -> s.socket.close(1001, "going away (fake)"));
    }

    /** Sends {@code eventStreamTerminated} to every subscription and ends them (the connections stay open). */
    public void terminate() {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.subscriptionId >= 0) {
                ObjectNode event = json.createObjectNode().put("e", "eventStreamTerminated").put("E", System.currentTimeMillis());
                subscriber.send(json, event);
                subscriber.subscriptionId = -1;
            }
        }
    }

    /** While paused, events are not sent (lost, as during an outage); connections stay open. */
    public void pause(boolean pausedNow) {
        paused = pausedNow;
    }

    void publish(ObjectNode event) {
        if (paused) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.subscriptionId >= 0) {
                subscriber.send(json, event);
            }
        }
    }

    MockResponse upgrade() {
        return new MockResponse().withWebSocketUpgrade(new Listener());
    }

    private static final class Subscriber {
        final WebSocket socket;
        volatile int subscriptionId = -1;

        Subscriber(WebSocket socket) {
            this.socket = socket;
        }

        void send(ObjectMapper json, ObjectNode event) {
            ObjectNode message = json.createObjectNode().put("subscriptionId", subscriptionId);
            message.set("event", event);
            socket.send(message.toString());
        }
    }

    private final class Listener extends WebSocketListener {
        private Subscriber subscriber;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            subscriber = new Subscriber(webSocket);
            subscribers.add(subscriber);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            ObjectNode answer = json.createObjectNode();
            try {
                JsonNode request = json.readTree(text);
                answer.set("id", request.get("id"));
                String method = request.path("method").asText();
                switch (method) {
                    case "userDataStream.subscribe.signature" -> {
                        Map<String, String> params = new TreeMap<>();
                        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("params").fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> param = it.next();
                            params.put(param.getKey(), param.getValue().asText());
                        }
                        if (!signatureCheck.test(params)) {
                            refused.incrementAndGet();
                            error(answer, 401, -1022, "Signature for this request is not valid.");
                        } else {
                            subscriber.subscriptionId = subscriptions.getAndIncrement();
                            answer.put("status", 200).putObject("result").put("subscriptionId", subscriber.subscriptionId);
                        }
                    }
                    case "userDataStream.unsubscribe" -> {
                        subscriber.subscriptionId = -1;
                        answer.put("status", 200).putObject("result");
                    }
                    default -> error(answer, 400, -1020, "Unknown method " + method);
                }
            } catch (Exception e) {
                error(answer, 400, -1100, "Malformed request");
            }
            webSocket.send(answer.toString());
        }

        private void error(ObjectNode answer, int status, int code, String message) {
            answer.put("status", status).putObject("error").put("code", code).put("msg", message);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            subscribers.remove(subscriber);
            webSocket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            subscribers.remove(subscriber);
        }
    }
}
