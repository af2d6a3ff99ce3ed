package dev.tickflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket clients and what they are sent: {@code {"type": ..., "data": {...}}} for each record as it arrives,
 * ticks at most once per symbol and tick interval. Sending never blocks the caller (the consumer thread): a client
 * whose send fails is dropped.
 */
final class LiveHub {
    /** One connected client. */
    interface Client {
        /** Sends without blocking; returns false when the client is gone. */
        boolean send(String message);
    }

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;
    private final TickThrottle ticks;
    private final LongSupplier nanoClock;

    LiveHub(ObjectMapper json, TickThrottle ticks, LongSupplier nanoClock) {
        this.json = json;
        this.ticks = ticks;
        this.nanoClock = nanoClock;
    }

    void join(Client client) {
        clients.add(client);
    }

    void leave(Client client) {
        clients.remove(client);
    }

    int clients() {
        return clients.size();
    }

    /** Sends the record to every client. */
    void publish(String type, Map<String, Object> data) {
        if (clients.isEmpty()) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("data", data);
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            log.error("Cannot write a {} message: {}", type, e.getMessage());
            return;
        }
        clients.removeIf(client -> !client.send(text));
    }

    /** Sends a tick unless one of the same symbol was sent less than the tick interval ago. */
    void publishTick(String symbol, Map<String, Object> data) {
        if (!clients.isEmpty() && ticks.admit(symbol, nanoClock.getAsLong())) {
            publish("tick", data);
        }
    }
}
