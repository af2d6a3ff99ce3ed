package dev.tickflow.aggregate;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.StreamsApp;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.Topology;

/** The aggregation service: md.trades into final candles, late trades to md.trades.late, poison to md.trades.dlq. */
public final class AggregateApp implements StreamsApp {
    public static final String NAME = "aggregate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConfigDef configDefinition() {
        return AggregateSettings.definition();
    }

    @Override
    public Topology buildTopology(TickflowConfig config) {
        return AggregateTopology.build(AggregateSettings.from(config));
    }

    @Override
    public Map<String, Object> streamsOverrides(TickflowConfig config) {
        return AggregateTopology.streamsOverrides(AggregateSettings.from(config));
    }
}
