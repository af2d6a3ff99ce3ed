package dev.tickflow.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.aggregate.AggregateTopology;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/** The aggregate service's own topology, {@link AggregateTopology#build}. */
public final class AggregateCandleTopology implements CandleTopology {
    public static final AggregateCandleTopology INSTANCE = new AggregateCandleTopology();

    private AggregateCandleTopology() {
    }

    @Override
    public Topology build(AggregateSettings settings) {
        return AggregateTopology.build(settings);
    }

    @Override
    public Map<String, Object> streamsOverrides(AggregateSettings settings) {
        return AggregateTopology.streamsOverrides(settings);
    }
}
