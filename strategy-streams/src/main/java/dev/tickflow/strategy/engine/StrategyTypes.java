package dev.tickflow.strategy.engine;

import dev.tickflow.strategy.api.StrategyType;
import dev.tickflow.strategy.builtin.ChannelBreakout;
import dev.tickflow.strategy.builtin.SmaEmaCrossover;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The strategy types by name: the built-in ones, those found by {@link ServiceLoader}, and any added explicitly. */
public final class StrategyTypes {

    private final Map<String, StrategyType> types = new TreeMap<>();

    private StrategyTypes() {
    }

    /** Only the built-in types: {@value SmaEmaCrossover#TYPE} and {@value ChannelBreakout#TYPE}. */
    public static StrategyTypes builtIn() {
        return new StrategyTypes().with(new SmaEmaCrossover.Type()).with(new ChannelBreakout.Type());
    }

    /** The built-in types and every {@link StrategyType} on the class path (META-INF/services). */
    public static StrategyTypes discover() {
        StrategyTypes types = builtIn();
        ServiceLoader.load(StrategyType.class).forEach(types::with);
        return types;
    }

    /** Adds a type; a name can be registered once. */
    public StrategyTypes with(StrategyType type) {
        String name = type.name();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("Strategy type name '" + name + "' of " + type.getClass().getName()
                    + " must be lower case letters, digits and '-'");
        }
        StrategyType previous = types.putIfAbsent(name, type);
        if (previous != null && previous.getClass() != type.getClass()) {
            throw new IllegalArgumentException("Strategy type '" + name + "' is registered twice: by " + previous.getClass().getName()
                    + " and " + type.getClass().getName());
        }
        return this;
    }

    public Optional<StrategyType> get(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Set<String> names() {
        return types.keySet();
    }
}
