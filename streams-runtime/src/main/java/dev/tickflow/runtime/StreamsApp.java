package dev.tickflow.runtime;

import dev.tickflow.config.TickflowConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.Topology;

/**
 * A Kafka Streams service as {@link StreamsService} runs it: each service module implements it once, the
 * {@code tickflow} command and {@link StreamsAppMain} run it. An implementation has a public no-argument constructor
 * and keeps no state: everything comes from the configuration.
 */
public interface StreamsApp {

    /** Short service name for messages, logs and the metrics' {@code service} tag, such as {@code aggregate}. */
    String name();

    /** The configuration keys the service knows: its own and the common ones. */
    ConfigDef configDefinition();

    /**
     * The topology, built by the service's pure {@code build(settings)} function from settings derived from {@code config}.
     *
     * @throws org.apache.kafka.common.config.ConfigException when the configuration cannot make a service
     */
    Topology buildTopology(TickflowConfig config);

    /** Streams configs the topology itself needs (handlers, DLQ topic, cache size); they win over the configuration file. */
    Map<String, Object> streamsOverrides(TickflowConfig config);

    /** What the service prints once its topology is built, before it starts, one line each (none by default). */
    default List<String> describe(TickflowConfig config) {
        return List.of();
    }
}
