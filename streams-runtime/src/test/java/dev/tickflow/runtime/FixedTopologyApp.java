package dev.tickflow.runtime;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.TickflowConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.Topology;

/** A StreamsApp of a topology built by the test, with the common configuration keys only. */
record FixedTopologyApp(String name, Topology topology, Map<String, Object> overrides) implements StreamsApp {

    FixedTopologyApp(String name, Topology topology) {
        this(name, topology, Map.of());
    }

    @Override
    public ConfigDef configDefinition() {
        return CommonConfig.definition(name, 0);
    }

    @Override
    public Topology buildTopology(TickflowConfig config) {
        return topology;
    }

    @Override
    public Map<String, Object> streamsOverrides(TickflowConfig config) {
        return overrides;
    }
}
