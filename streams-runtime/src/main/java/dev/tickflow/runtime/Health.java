package dev.tickflow.runtime;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Health of a service, as {@code GET /health} answers it: up (200) or down (503), with the state it is in. For
 * Streams services, up while it runs or rebalances, down in every other state.
 */
public record Health(boolean up, String state) {

    static Health of(KafkaStreams.State state) {
        return new Health(state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING,
                state == null ? "UNKNOWN" : state.name());
    }

    int httpStatus() {
        return up ? 200 : 503;
    }

    String json() {
        return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + state + "\"}";
    }
}
