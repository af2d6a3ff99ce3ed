package dev.tickflow.backtest.sweep;

import dev.tickflow.backtest.CandleBacktest;
import dev.tickflow.backtest.StrategyCandles;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.api.StrategyParameters;
import dev.tickflow.strategy.api.StrategyType;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one strategy instance a sweep varies (the others of the configuration are left out), with its configured settings
 * as the base; a parameter set replaces some of them. A set is checked exactly like an instances file, by the strategy
 * type itself, so any setting the type reads can be swept and any value it refuses makes the set invalid.
 */
public final class SweepStrategy {
    private final String instance;
    private final String typeName;
    private final Map<String, String> ownProperties;
    private final StrategyTypes types;
    private final StrategySettings base;
    private final ExecutorSettings execution;
    private final Account account;
    private final String symbol;

    /**
     * @param properties the instances properties (file or defaults, with the command line's overrides)
     * @param instance   the instance to sweep, or null for the first configured one
     * @param base       topics, interval and serde configuration of the strategies
     * @throws IllegalArgumentException when the instance is not configured
     */
    public SweepStrategy(Map<String, String> properties, String instance, StrategyTypes types, StrategySettings base, ExecutorSettings execution,
                         Account account, String symbol) {
        List<String> names = Arrays.stream(properties.getOrDefault(StrategyInstances.INSTANCES, "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No strategy instance is configured (" + StrategyInstances.INSTANCES + ")");
        }
        this.instance = instance == null ? names.get(0) : instance;
        if (!names.contains(this.instance)) {
            throw new IllegalArgumentException("--sweep-instance " + instance + " is not configured; the instances are " + names);
        }
        String prefix = StrategyInstances.PREFIX + this.instance + ".";
        this.ownProperties = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                ownProperties.put(key, value);
            }
        });
        this.typeName = ownProperties.getOrDefault(prefix + StrategyInstances.TYPE, "").trim();
        this.types = types;
        this.base = base;
        this.execution = execution;
        this.account = account;
        this.symbol = symbol;
    }

    public String instance() {
        return instance;
    }

    public String typeName() {
        return typeName;
    }

    /** @throws IllegalArgumentException for a parameter the instance's type does not read, naming the ones it does */
    public void checkParameters(List<String> parameters) {
        StrategyType type = types.get(typeName).orElseThrow(() -> new IllegalArgumentException("Instance " + instance + " has the unknown type '"
                + typeName + "'; known: " + types.names()));
        String prefix = StrategyInstances.PREFIX + instance + ".";
        Map<String, String> values = new LinkedHashMap<>();
        ownProperties.forEach((key, value) -> values.put(key.substring(prefix.length()), value));
        values.remove(StrategyInstances.TYPE);
        values.remove(StrategyInstances.SYMBOLS);
        StrategyParameters read = new StrategyParameters(instance, prefix, values);
        type.create(read);
        TreeSet<String> known = new TreeSet<>(read.known());
        for (String parameter : parameters) {
            if (!known.contains(parameter)) {
                throw new IllegalArgumentException("--sweep " + parameter + "=...: " + parameter + " is no setting of the " + typeName
                        + " strategy of instance " + instance + "; its settings are " + known);
            }
        }
    }

    /** @throws InvalidStrategyConfigException when the strategy type refuses the set (the message names key and reason) */
    public StrategySettings settings(ParameterSet set) {
        Map<String, String> properties = new TreeMap<>(ownProperties);
        properties.put(StrategyInstances.INSTANCES, instance);
        set.values().forEach((name, value) -> properties.put(StrategyInstances.PREFIX + instance + "." + name, value));
        List<StrategyInstance> instances = StrategyInstances.parse(properties, types);
        return new StrategySettings(base.topics(), base.interval(), instances, base.serdeConfig());
    }

    /** One independent run: fresh strategy state, executor and account. */
    public RunMetrics run(StrategySettings settings, StrategyCandles candles) {
        return RunMetrics.of(CandleBacktest.run(settings, execution, account, symbol, candles).get(0));
    }
}
