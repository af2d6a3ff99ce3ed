package dev.tickflow.strategy;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.StreamsApp;
import dev.tickflow.strategy.engine.StrategyInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.Topology;

/** The strategy service: candles and fills into signals and indicator snapshots, for every configured strategy instance. */
public final class StrategyApp implements StreamsApp {
    public static final String NAME = "strategy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConfigDef configDefinition() {
        return StrategySettings.definition();
    }

    @Override
    public Topology buildTopology(TickflowConfig config) {
        return StrategyTopology.build(StrategySettings.from(config));
    }

    @Override
    public Map<String, Object> streamsOverrides(TickflowConfig config) {
        return StrategyTopology.streamsOverrides(StrategySettings.from(config));
    }

    /** The strategy instances it runs, in their order, and the candles they read. */
    @Override
    public List<String> describe(TickflowConfig config) {
        StrategySettings settings = StrategySettings.from(config);
        List<String> lines = new ArrayList<>();
        lines.add(NAME + ": " + settings.instances().size() + " strategy instance(s) on "
                + settings.topics().candles(settings.interval()).name() + ", in this order:");
        describe(settings.instances()).forEach(line -> lines.add("  " + line));
        return lines;
    }

    /** One line per instance: name, type with its parameters (defaults included), symbols. */
    static List<String> describe(List<StrategyInstance> instances) {
        return instances.stream().map(instance -> {
            String strategy = instance.strategy().toString();
            String description = strategy.startsWith(instance.type()) ? strategy : instance.type() + " " + strategy;
            return instance.name() + ": " + description + ", symbols " + instance.symbols();
        }).toList();
    }
}
