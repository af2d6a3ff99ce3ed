package dev.tickflow.strategy.api;

/**
 * A kind of strategy, registered by its type name ({@code strategy.<instance>.type}). Built-in types are
 * registered by {@code StrategyTypes}; others are found through {@link java.util.ServiceLoader} (a line with the
 * class name in {@code META-INF/services/dev.tickflow.strategy.api.StrategyType}).
 */
public interface StrategyType {

    /** The type name used in configuration, e.g. {@code sma-ema-crossover}: lower case letters, digits and '-'. */
    String name();

    /**
     * A strategy for one instance. Read every parameter through {@code parameters}: keys it was not asked for are
     * reported as unknown, and bad values as errors naming the key.
     */
    Strategy<?> create(StrategyParameters parameters);
}
