package dev.tickflow.runtime;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Health of a service, as {@code GET /health} answers it: up (200) or down (503), with the state it is in and, when
 * there is one, a detail such as a wait for the schema registry. For Streams services, up while it runs or
 * rebalances, down in every other state; a registry outage does not make a service down, it waits.
 */
public record Health(boolean up, String state, String detail) {

    public Health(boolean up, String state) {
        this(up, state, null);
    }

    static Health of(KafkaStreams.State state) {
        return of(state, Optional.empty());
    }

    /** The health in {@code state}, noting the wait for a registry that has been unavailable for {@code registryOutage}. */
    static Health of(KafkaStreams.State state, Optional<Duration> registryOutage) {
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        String name = state == null ? "UNKNOWN" : state.name();
        return new Health(up, name, registryOutage
                .map(outage -> "waiting for the schema registry (unavailable for " + outage.toSeconds() + " s)")
                .orElse(null));
    }

    int httpStatus() {
        return up ? 200 : 503;
    }

    String json() {
        return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + state + "\""
                + (detail == null ? "" : ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"") + "}";
    }
}
