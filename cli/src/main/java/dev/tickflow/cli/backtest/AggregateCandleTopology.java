package dev.tickflow.cli.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.aggregate.AggregateTopology;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

    /**
     * {@code AggregateTopology.streamsOverrides(settings)}. It is looked up by reflection only because it
     * arrives with the topology itself (developed in parallel); replace this with a direct call once both
     * are on one branch. Without it, no overrides.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> streamsOverrides(AggregateSettings settings) {
        Method method;
        try {
            method = AggregateTopology.class.getMethod("streamsOverrides", AggregateSettings.class);
        } catch (NoSuchMethodException e) {
            return Map.of();
        }
        try {
            return (Map<String, Object>) method.invoke(null, settings);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
