package dev.tickflow.topics;

import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OperationalEvent;
import dev.tickflow.schema.OperatorCommand;
import dev.tickflow.schema.OrderEvent;
import dev.tickflow.schema.Position;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.SymbolCommand;
import dev.tickflow.schema.Trade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of Tickflow with its key, value record, partitions, cleanup policy and retention. Defaults can be
 * overridden per topic with {@code topic.<default name>.name}, {@code .partitions}, {@code .replication.factor}
 * and any Kafka topic config such as {@code .retention.ms}; {@code topics.partitions} and
 * {@code topics.replication.factor} set the defaults for all.
 */
public final class TopicCatalog {
    public static final String TRADES = "md.trades";
    public static final String TRADES_LATE = "md.trades.late";
    public static final String TRADES_DLQ = "md.trades.dlq";
    public static final String CANDLES_PREFIX = "md.candles.";
    public static final String INDICATORS = "strategy.indicators";
    public static final String SIGNALS = "strategy.signals";
    public static final String ORDERS = "oms.orders";
    public static final String FILLS = "oms.fills";
    public static final String POSITIONS = "oms.positions";
    public static final String SYMBOL_COMMANDS = "control.symbols";
    public static final String OPERATOR_COMMANDS = "control.operator";
    public static final String OPERATIONAL_EVENTS = "ops.events";

    public static final int DEFAULT_PARTITIONS = 6;
    public static final short DEFAULT_REPLICATION_FACTOR = 1;

    private static final String SYMBOL_KEY = "symbol (string)";
    private static final String OVERRIDE_NAME = "name";
    private static final String OVERRIDE_PARTITIONS = "partitions";
    private static final String OVERRIDE_REPLICATION = "replication.factor";

    private final Map<String, TopicSpec> topics = new LinkedHashMap<>();
    private final List<CandleInterval> candleIntervals;

    private TopicCatalog(List<CandleInterval> candleIntervals, int partitions, short replicationFactor, Map<String, String> overrides) {
        this.candleIntervals = List.copyOf(candleIntervals);
        Defaults defaults = new Defaults(partitions, replicationFactor, overrides);
        add(defaults.spec(TRADES, SYMBOL_KEY, Trade.class, delete(Duration.ofDays(7)), "exchange aggregate trades"));
        add(defaults.spec(TRADES_LATE, SYMBOL_KEY, Trade.class, delete(Duration.ofDays(14)), "trades that arrived after their candle closed"));
        add(defaults.spec(TRADES_DLQ, "original key bytes", null, delete(Duration.ofDays(30)), "input that could not be deserialized, with error headers"));
        for (CandleInterval interval : this.candleIntervals) {
            Duration retention = interval.length().compareTo(Duration.ofMinutes(1)) <= 0 ? Duration.ofDays(30) : Duration.ofDays(365);
            add(defaults.spec(candlesTopicId(interval), SYMBOL_KEY, Candle.class, delete(retention), "final " + interval + " candles"));
        }
        add(defaults.spec(INDICATORS, SYMBOL_KEY, IndicatorSnapshot.class, delete(Duration.ofDays(7)), "indicator values per candle and strategy instance"));
        add(defaults.spec(SIGNALS, SYMBOL_KEY, Signal.class, delete(Duration.ofDays(365)), "changes of target position"));
        add(defaults.spec(ORDERS, SYMBOL_KEY, OrderEvent.class, delete(Duration.ofDays(365)), "order lifecycle events"));
        add(defaults.spec(FILLS, SYMBOL_KEY, Fill.class, delete(Duration.ofDays(365)), "executions"));
        add(defaults.spec(POSITIONS, "strategy instance + symbol (string)", Position.class, compact(), "latest position per strategy instance and symbol"));
        add(defaults.withPartitions(1).spec(SYMBOL_COMMANDS, SYMBOL_KEY, SymbolCommand.class, compact(), "symbols ingest follows; null value removes"));
        add(defaults.withPartitions(1).spec(OPERATOR_COMMANDS, "strategy instance, '*' for all (string)", OperatorCommand.class,
                delete(Duration.ofDays(365)), "operator commands in the order issued; the audit log of every control action"));
        add(defaults.spec(OPERATIONAL_EVENTS, "strategy instance or service (string)", OperationalEvent.class, delete(Duration.ofDays(90)),
                "halts, applied and refused commands, service failures, account differences"));
        defaults.rejectUnknownTopics(topics.keySet());
    }

    /** The catalog with every default. */
    public static TopicCatalog defaults() {
        return new TopicCatalog(defaultIntervals(), DEFAULT_PARTITIONS, DEFAULT_REPLICATION_FACTOR, Map.of());
    }

    /** The catalog as a service's configuration shapes it. */
    public static TopicCatalog from(TickflowConfig config) {
        List<CandleInterval> intervals = config.getList(ConfigKeys.CANDLE_INTERVALS).stream().map(CandleInterval::parse).toList();
        Map<String, String> overrides = new LinkedHashMap<>();
        config.originalsWithPrefix(ConfigKeys.TOPIC_PREFIX).forEach((key, value) -> overrides.put(key, String.valueOf(value)));
        return new TopicCatalog(intervals, config.getInt(ConfigKeys.TOPICS_PARTITIONS),
                config.getShort(ConfigKeys.TOPICS_REPLICATION_FACTOR), overrides);
    }

    /** Whether {@code key} has the shape of a per-topic override ({@code topic.<id>.<property>}); the id is checked when the catalog is built. */
    public static boolean isOverrideKey(String key) {
        return key.startsWith(ConfigKeys.TOPIC_PREFIX) && key.length() > ConfigKeys.TOPIC_PREFIX.length();
    }

    public static List<CandleInterval> defaultIntervals() {
        return List.of(CandleInterval.parse("1m"), CandleInterval.parse("5m"), CandleInterval.parse("15m"), CandleInterval.parse("1h"));
    }

    public static String candlesTopicId(CandleInterval interval) {
        return CANDLES_PREFIX + interval.name();
    }

    public TopicSpec trades() {
        return get(TRADES);
    }

    public TopicSpec tradesLate() {
        return get(TRADES_LATE);
    }

    public TopicSpec tradesDlq() {
        return get(TRADES_DLQ);
    }

    public TopicSpec candles(CandleInterval interval) {
        return get(candlesTopicId(interval));
    }

    public List<CandleInterval> candleIntervals() {
        return candleIntervals;
    }

    public TopicSpec indicators() {
        return get(INDICATORS);
    }

    public TopicSpec signals() {
        return get(SIGNALS);
    }

    public TopicSpec orders() {
        return get(ORDERS);
    }

    public TopicSpec fills() {
        return get(FILLS);
    }

    public TopicSpec positions() {
        return get(POSITIONS);
    }

    public TopicSpec symbolCommands() {
        return get(SYMBOL_COMMANDS);
    }

    public TopicSpec operatorCommands() {
        return get(OPERATOR_COMMANDS);
    }

    public TopicSpec operationalEvents() {
        return get(OPERATIONAL_EVENTS);
    }

    public List<TopicSpec> all() {
        return List.copyOf(topics.values());
    }

    /** The spec of a topic by its id (default name). */
    public TopicSpec get(String id) {
        TopicSpec spec = topics.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("No topic '" + id + "' in the catalog; known: " + topics.keySet());
        }
        return spec;
    }

    private void add(TopicSpec spec) {
        topics.put(spec.id(), spec);
    }

    private static Map<String, String> delete(Duration retention) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }

    private static Map<String, String> compact() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    /** Applies the global defaults and the per-topic overrides (given without the "topic." prefix). */
    private record Defaults(int partitions, short replicationFactor, Map<String, String> overrides) {

        Defaults withPartitions(int fixed) {
            return new Defaults(fixed, replicationFactor, overrides);
        }

        TopicSpec spec(String id, String key, Class<? extends SpecificRecord> valueType, Map<String, String> configs, String description) {
            String name = id;
            int topicPartitions = partitions;
            short topicReplication = replicationFactor;
            Map<String, String> topicConfigs = new LinkedHashMap<>(configs);
            for (Map.Entry<String, String> override : overridesOf(id).entrySet()) {
                String property = override.getKey();
                String value = override.getValue();
                switch (property) {
                    case OVERRIDE_NAME -> name = requireTopicName(id, value);
                    case OVERRIDE_PARTITIONS -> topicPartitions = parsePositive(id, property, value);
                    case OVERRIDE_REPLICATION -> topicReplication = (short) parsePositive(id, property, value);
                    default -> topicConfigs.put(property, value);
                }
            }
            return new TopicSpec(id, name, key, Optional.ofNullable(valueType), topicPartitions, topicReplication,
                    Map.copyOf(topicConfigs), description);
        }

        /** Overrides of one topic; the longest matching id wins, so md.trades.late.* never applies to md.trades. */
        private Map<String, String> overridesOf(String id) {
            Map<String, String> own = new LinkedHashMap<>();
            overrides.forEach((key, value) -> {
                if (key.startsWith(id + ".") && owner(key).equals(id)) {
                    own.put(key.substring(id.length() + 1), value);
                }
            });
            return own;
        }

        private String owner(String key) {
            return knownIds().stream().filter(id -> key.startsWith(id + "."))
                    .max(Comparator.comparingInt(String::length)).orElse("");
        }

        private List<String> knownIds() {
            List<String> ids = new ArrayList<>(List.of(TRADES, TRADES_LATE, TRADES_DLQ, INDICATORS, SIGNALS, ORDERS, FILLS, POSITIONS, SYMBOL_COMMANDS,
                    OPERATOR_COMMANDS, OPERATIONAL_EVENTS));
            CandleInterval.supportedNames().forEach(interval -> ids.add(CANDLES_PREFIX + interval));
            return ids;
        }

        void rejectUnknownTopics(java.util.Set<String> ids) {
            for (String key : overrides.keySet()) {
                String owner = owner(key);
                if (!ids.contains(owner)) {
                    throw new ConfigException(ConfigKeys.TOPIC_PREFIX + key, overrides.get(key),
                            "names no topic of the catalog; topics are " + ids);
                }
            }
        }

        private static String requireTopicName(String id, String value) {
            if (!value.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new ConfigException(ConfigKeys.TOPIC_PREFIX + id + "." + OVERRIDE_NAME, value,
                        "is not a valid Kafka topic name (letters, digits, '.', '_', '-', at most 249)");
            }
            return value;
        }

        private static int parsePositive(String id, String property, String value) {
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= 1) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new ConfigException(ConfigKeys.TOPIC_PREFIX + id + "." + property, value, "must be a whole number of at least 1");
        }
    }
}
