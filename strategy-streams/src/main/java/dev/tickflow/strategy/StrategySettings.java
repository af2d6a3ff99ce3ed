package dev.tickflow.strategy;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.StreamsTuning;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the strategy topology needs to know.
 *
 * @param topics      the topic catalog
 * @param interval    the candles the strategies run on ({@code md.candles.<interval>})
 * @param instances   the strategy instances, each with its own state and signals
 * @param serdeConfig configuration of the Avro serdes (schema.registry.url, ...)
 */
public record StrategySettings(TopicCatalog topics, CandleInterval interval, List<StrategyInstance> instances, Map<String, Object> serdeConfig) {

    public static final String APPLICATION_ID = "tickflow-strategy";
    /** A properties file of strategy instances (docs/strategies.md); empty for the default instances A and B. */
    public static final String INSTANCES_FILE = "strategy.instances.file";
    public static final String CANDLE_INTERVAL = "strategy.candles.interval";
    /**
     * Latency defaults of its Streams clients (docs/performance.md, "Close-to-order per hop"). Candles come a few a
     * minute per symbol and a task commits only when it has something to commit, so a short interval costs little; it
     * is what a signal waits for before the executor can read it. (A commit asked for per signal would cost a
     * transaction per signal when a minute's candles arrive together.)
     */
    public static final StreamsTuning STREAMS_TUNING = new StreamsTuning(25, 100, 20, 5, 10, 25);

    public StrategySettings {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("At least one strategy instance is needed");
        }
        Set<String> names = new HashSet<>();
        for (StrategyInstance instance : instances) {
            if (!names.add(instance.name())) {
                throw new IllegalArgumentException("Strategy instance " + instance.name() + " is defined twice");
            }
        }
        if (!topics.candleIntervals().contains(interval)) {
            throw new IllegalArgumentException("Candle interval " + interval + " is not one of the published intervals " + topics.candleIntervals());
        }
        instances = List.copyOf(instances);
        serdeConfig = Map.copyOf(serdeConfig);
    }

    /** 1-minute candles, default topics. */
    public static StrategySettings of(List<StrategyInstance> instances, Map<String, Object> serdeConfig) {
        return new StrategySettings(TopicCatalog.defaults(), CandleInterval.ONE_MINUTE, instances, serdeConfig);
    }

    /** The keys of the strategy service: the common ones and its own. */
    public static ConfigDef definition() {
        return STREAMS_TUNING.defineOn(CommonConfig.definition(APPLICATION_ID))
                .define(INSTANCES_FILE, Type.STRING, "", Importance.HIGH,
                        "Properties file defining the strategy instances (strategy.instances=A,B, strategy.A.type=..., see docs/strategies.md). "
                                + "Empty: the default instances A (SMA 10 / EMA 5 crossover, 15 % stop loss) and B (the same, 10 %) on every symbol.")
                .define(CANDLE_INTERVAL, Type.STRING, CandleInterval.ONE_MINUTE.name(), StrategySettings::validateInterval, Importance.MEDIUM,
                        "Interval of the candles the strategies run on (md.candles.<interval>).");
    }

    /** The settings a service's configuration describes; strategy errors name the bad key and the file. */
    public static StrategySettings from(TickflowConfig config) {
        return from(config, StrategyTypes.discover());
    }

    public static StrategySettings from(TickflowConfig config, StrategyTypes types) {
        String file = config.getString(INSTANCES_FILE).trim();
        List<StrategyInstance> instances;
        try {
            instances = file.isEmpty() ? StrategyInstances.parse(StrategyInstances.DEFAULTS, types) : StrategyInstances.load(Path.of(file), types);
        } catch (InvalidStrategyConfigException e) {
            throw new ConfigException("Invalid strategy configuration" + (file.isEmpty() ? "" : " in " + file + " (" + INSTANCES_FILE + ")")
                    + ": " + e.getMessage());
        }
        TopicCatalog topics = TopicCatalog.from(config);
        CandleInterval interval = CandleInterval.parse(config.getString(CANDLE_INTERVAL));
        if (!topics.candleIntervals().contains(interval)) {
            throw new ConfigException(CANDLE_INTERVAL, interval.name(), "is not one of the candle intervals " + topics.candleIntervals());
        }
        return new StrategySettings(topics, interval, instances, config.serdeProperties());
    }

    private static void validateInterval(String key, Object value) {
        try {
            CandleInterval.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, e.getMessage());
        }
    }
}
