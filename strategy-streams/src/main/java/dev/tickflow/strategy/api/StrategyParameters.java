package dev.tickflow.strategy.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The type-specific settings of one strategy instance ({@code strategy.<instance>.<name>}), with typed getters whose
 * errors name the full key. Records which names were read, so that the rest can be reported as unknown.
 */
public final class StrategyParameters {

    private final String instance;
    private final String keyPrefix;
    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    /**
     * @param instance  the instance name
     * @param keyPrefix how keys are spelled in errors, e.g. {@code strategy.A.}
     * @param values    the settings by name without the prefix, e.g. {@code sma -> 10}
     */
    public StrategyParameters(String instance, String keyPrefix, Map<String, String> values) {
        this.instance = instance;
        this.keyPrefix = keyPrefix;
        this.values = Map.copyOf(values);
    }

    public String instance() {
        return instance;
    }

    /** The full key of a setting, for error messages. */
    public String key(String name) {
        return keyPrefix + name;
    }

    public Optional<String> string(String name) {
        read.add(name);
        return Optional.ofNullable(values.get(name)).map(String::trim);
    }

    /** A whole number in [min, max], {@code defaultValue} when absent. */
    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidStrategyConfigException(key(name), raw.get(), "must be a whole number from " + min + " to " + max);
    }

    /** A fraction strictly between 0 and 1 (e.g. 0.15 for 15 %), if set. */
    public Optional<BigDecimal> fraction(String name) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(raw.get());
            if (value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0) {
                return Optional.of(value);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidStrategyConfigException(key(name), raw.get(),
                "must be a decimal fraction greater than 0 and less than 1, e.g. 0.15 for 15 %");
    }

    /**
     * One of the constants of an enum, written in lower case (e.g. {@code low} for {@code LOW}, case ignored);
     * {@code defaultValue} when absent.
     */
    public <E extends Enum<E>> E choice(String name, E defaultValue) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        E[] constants = defaultValue.getDeclaringClass().getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(raw.get())) {
                return constant;
            }
        }
        throw new InvalidStrategyConfigException(key(name), raw.get(), "must be one of "
                + Arrays.stream(constants).map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** Settings that were given but never read by the strategy type. */
    public Set<String> unread() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    /** The names the strategy type read (its known settings). */
    public Set<String> known() {
        return Set.copyOf(read);
    }

    /** The settings as given, for descriptions. */
    public Map<String, String> values() {
        return new LinkedHashMap<>(values);
    }
}
