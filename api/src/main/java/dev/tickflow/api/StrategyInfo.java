package dev.tickflow.api;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.strategy.engine.StrategyInstances;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigException;

/**
 * The strategy instances the strategy service runs, read as it reads them ({@code strategy.instances.file}, or the
 * default instances A and B), as the body of GET /strategy. A file the strategy service would reject is reported,
 * not fatal: the rest of the API still works.
 */
final class StrategyInfo {
    private final Map<String, Object> body;
    private final List<StrategyInstance> instances;
    private final String error;

    private StrategyInfo(Map<String, Object> body, List<StrategyInstance> instances, String error) {
        this.body = body;
        this.instances = List.copyOf(instances);
        this.error = error;
    }

    static StrategyInfo from(TickflowConfig config) {
        StrategySettings settings;
        Map<String, String> configured;
        String file = config.getString(StrategySettings.INSTANCES_FILE).trim();
        try {
            settings = StrategySettings.from(config);
            configured = file.isEmpty() ? StrategyInstances.DEFAULTS : StrategyInstances.read(Path.of(file));
        } catch (ConfigException | IllegalArgumentException e) {
            return new StrategyInfo(null, List.of(), e.getMessage());
        }
        List<Map<String, Object>> instances = new ArrayList<>();
        for (StrategyInstance instance : settings.instances()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", instance.name());
            json.put("type", instance.type());
            json.put("symbols", instance.symbols().symbols().isEmpty() ? List.of("*") : new ArrayList<>(new TreeSet<>(instance.symbols().symbols())));
            json.put("parameters", parameters(configured, instance.name()));
            json.put("description", instance.strategy().toString());
            instances.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", file.isEmpty() ? "defaults" : file);
        body.put("interval", settings.interval().name());
        body.put("candlesTopic", settings.topics().candles(settings.interval()).name());
        body.put("instances", instances);
        return new StrategyInfo(body, settings.instances(), null);
    }

    /** The body of GET /strategy, or empty when the strategy configuration is invalid (see {@link #error()}). */
    Optional<Map<String, Object>> body() {
        return Optional.ofNullable(body);
    }

    /** The configured instances, empty when the strategy configuration is invalid. */
    List<StrategyInstance> instances() {
        return instances;
    }

    String error() {
        return error;
    }

    /** The instance's own settings as configured ({@code strategy.<name>.<key>} but type and symbols). */
    private static Map<String, String> parameters(Map<String, String> configured, String instance) {
        String prefix = StrategyInstances.PREFIX + instance + ".";
        Map<String, String> parameters = new TreeMap<>();
        configured.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                String name = key.substring(prefix.length());
                if (!name.equals(StrategyInstances.TYPE) && !name.equals(StrategyInstances.SYMBOLS)) {
                    parameters.put(name, value);
                }
            }
        });
        return parameters;
    }
}
