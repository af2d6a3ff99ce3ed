package dev.tickflow.cli.service;

import org.apache.kafka.streams.KafkaStreams;

/** Health of a Streams service: up while it runs or rebalances, down in every other state. */
record Health(boolean up, KafkaStreams.State state) {

    static Health of(KafkaStreams.State state) {
        return new Health(state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING, state);
    }

    int httpStatus() {
        return up ? 200 : 503;
    }

    String json() {
        return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + (state == null ? "UNKNOWN" : state.name()) + "\"}";
    }
}
