package dev.tickflow.executor;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.runtime.StreamsApp;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.Topology;

/**
 * The executor: signals through pre-trade risk checks to the configured venue (paper or binance); orders, fills and positions back to
 * Kafka. Its venue comes from the configuration ({@link Venues#supplier}): binance without credentials
 * (TICKFLOW_EXECUTOR_BINANCE_API_KEY and TICKFLOW_EXECUTOR_BINANCE_API_SECRET, keys executor.binance.api.key and .secret,
 * never printed) is refused with a configuration error before anything starts.
 */
public final class ExecutorApp implements StreamsApp {
    public static final String NAME = "executor";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConfigDef configDefinition() {
        return ExecutorSettings.definition();
    }

    @Override
    public Topology buildTopology(TickflowConfig config) {
        ExecutorSettings settings = ExecutorSettings.from(config);
        return ExecutorTopology.build(settings, Venues.supplier(settings, config));
    }

    @Override
    public Map<String, Object> streamsOverrides(TickflowConfig config) {
        return ExecutorTopology.streamsOverrides(ExecutorSettings.from(config));
    }

    /** The venue ("broker" in the configuration), the order type and the topics it reads. */
    @Override
    public List<String> describe(TickflowConfig config) {
        ExecutorSettings settings = ExecutorSettings.from(config);
        return List.of(NAME + ": broker " + settings.venue() + ", " + settings.orderType() + " orders, from "
                + settings.topics().signals().name() + " and " + settings.topics().trades().name());
    }
}
