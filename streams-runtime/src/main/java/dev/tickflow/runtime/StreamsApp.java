package dev.tickflow.runtime;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.Topology;

/**
 * What a Kafka Streams service runs.
 *
 * @param name             short service name for messages, logs and the metrics' {@code service} tag, such as {@code aggregate}
 * @param topology         the topology, built by the service's pure {@code build(settings)} function
 * @param streamsOverrides Streams configs the topology itself needs (handlers, DLQ topic, cache size); they win over the
 *                         configuration file
 */
public record StreamsApp(String name, Topology topology, Map<String, Object> streamsOverrides) {

    public StreamsApp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topology, "topology");
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    public static StreamsApp of(String name, Topology topology) {
        return new StreamsApp(name, topology, Map.of());
    }
}
