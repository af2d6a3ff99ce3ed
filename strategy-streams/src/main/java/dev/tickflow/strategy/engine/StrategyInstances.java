package dev.tickflow.strategy.engine;

import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.api.StrategyType;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the strategy instances from properties:
 * <pre>
 * strategy.instances=A,B
 * strategy.A.type=sma-ema-crossover
 * strategy.A.symbols=*
 * strategy.A.sma=10
 * strategy.A.ema=5
 * strategy.A.stop-loss=0.15
 * </pre>
 * {@code type} is required, {@code symbols} defaults to {@code *} (all); every other key belongs to the type. Errors
 * name the bad key.
 */
public final class StrategyInstances {

    public static final String PREFIX = "strategy.";
    public static final String INSTANCES = PREFIX + "instances";
    public static final String TYPE = "type";
    public static final String SYMBOLS = "symbols";

    /** The two risk variants of the original system: A with a 15 % stop loss, B with 10 %, on every symbol. */
    public static final Map<String, String> DEFAULTS = defaultsMap();

    private static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,32}";
    private static final String SYMBOL_PATTERN = "[A-Z0-9]{1,32}";

    private StrategyInstances() {
    }

    /** {@link #DEFAULTS} with the built-in types. */
    public static List<StrategyInstance> defaults() {
        return parse(DEFAULTS, StrategyTypes.builtIn());
    }

    /** Reads a properties file of strategy instances. */
    public static List<StrategyInstance> load(Path file, StrategyTypes types) {
        return parse(read(file), types);
    }

    /** The settings of a properties file of strategy instances, trimmed, not yet checked (for callers that adjust them). */
    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidStrategyConfigException("strategy file " + file, null, "does not exist or is not a file");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidStrategyConfigException("strategy file " + file, null, "cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name.trim(), properties.getProperty(name).trim()));
        return values;
    }

    /** The instances the properties define, in the order of {@value #INSTANCES}. */
    public static List<StrategyInstance> parse(Map<String, String> properties, StrategyTypes types) {
        for (String key : properties.keySet()) {
            if (!key.startsWith(PREFIX)) {
                throw new InvalidStrategyConfigException(key, null, "is not a strategy setting; keys start with '" + PREFIX + "'");
            }
        }
        List<String> names = instanceNames(properties.get(INSTANCES));
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        names.forEach(name -> settings.put(name, new TreeMap<>()));
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            String key = entry.getKey();
            if (key.equals(INSTANCES)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String instance = dot < 0 ? rest : rest.substring(0, dot);
            if (dot < 0 || !settings.containsKey(instance)) {
                throw new InvalidStrategyConfigException(key, entry.getValue(), "names no instance of " + INSTANCES + " " + names
                        + "; keys are strategy.<instance>.<setting>");
            }
            settings.get(instance).put(rest.substring(dot + 1), entry.getValue());
        }
        List<StrategyInstance> instances = new ArrayList<>();
        settings.forEach((name, values) -> instances.add(instance(name, values, types)));
        return List.copyOf(instances);
    }

    private static StrategyInstance instance(String name, Map<String, String> values, StrategyTypes types) {
        String prefix = PREFIX + name + ".";
        Map<String, String> own = new LinkedHashMap<>(values);
        String typeName = own.remove(TYPE);
        if (typeName == null || typeName.isBlank()) {
            throw new InvalidStrategyConfigException(prefix + TYPE, null, "is required; one of " + types.names());
        }
        StrategyType type = types.get(typeName.trim()).orElseThrow(() -> new InvalidStrategyConfigException(prefix + TYPE, typeName,
                "is no known strategy type; known: " + types.names() + " (add one as described in docs/strategies.md)"));
        SymbolFilter symbols = symbols(prefix + SYMBOLS, own.remove(SYMBOLS));
        return new StrategyInstance(name, type, symbols, own);
    }

    private static List<String> instanceNames(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidStrategyConfigException(INSTANCES, value, "is required: a comma-separated list of instance names, e.g. A,B");
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).toList();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!name.matches(NAME_PATTERN)) {
                throw new InvalidStrategyConfigException(INSTANCES, value, "instance name '" + name
                        + "' must be 1 to 32 letters, digits, '_' or '-'");
            }
            if (!seen.add(name)) {
                throw new InvalidStrategyConfigException(INSTANCES, value, "instance '" + name + "' is listed twice");
            }
        }
        return names;
    }

    private static SymbolFilter symbols(String key, String value) {
        if (value == null || value.isBlank() || value.trim().equals("*")) {
            return SymbolFilter.ALL;
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (String symbol : value.split(",")) {
            String trimmed = symbol.trim();
            if (!trimmed.matches(SYMBOL_PATTERN)) {
                throw new InvalidStrategyConfigException(key, value, "'" + trimmed
                        + "' is no exchange symbol (upper case letters and digits, e.g. BTCUSDT); use * for all symbols");
            }
            symbols.add(trimmed);
        }
        return new SymbolFilter(symbols);
    }

    private static Map<String, String> defaultsMap() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(INSTANCES, "A,B");
        for (String[] variant : new String[][] {{"A", "0.15"}, {"B", "0.10"}}) {
            String prefix = PREFIX + variant[0] + ".";
            defaults.put(prefix + TYPE, "sma-ema-crossover");
            defaults.put(prefix + SYMBOLS, "*");
            defaults.put(prefix + "sma", "10");
            defaults.put(prefix + "ema", "5");
            defaults.put(prefix + "stop-loss", variant[1]);
        }
        return Map.copyOf(defaults);
    }
}
