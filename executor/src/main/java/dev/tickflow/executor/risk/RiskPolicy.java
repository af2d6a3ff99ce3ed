package dev.tickflow.executor.risk;

import java.util.Map;

/**
 * The limits of every instance: the global ones with each instance's overrides on top, the limits over the whole
 * portfolio, and whether a breached loss limit of an instance halts only that instance or everything.
 */
public record RiskPolicy(RiskLimits global, Map<String, RiskLimits> overrides, HaltScope haltScope, PortfolioLimits portfolio) {

    public enum HaltScope {
        /** A loss limit halts the instance that breached it. */
        INSTANCE,
        /** A loss limit of any instance halts every instance. */
        ALL
    }

    public RiskPolicy {
        overrides = Map.copyOf(overrides);
    }

    public RiskPolicy(RiskLimits global, Map<String, RiskLimits> overrides, HaltScope haltScope) {
        this(global, overrides, haltScope, PortfolioLimits.none());
    }

    public static RiskPolicy unlimited() {
        return new RiskPolicy(RiskLimits.none(), Map.of(), HaltScope.INSTANCE);
    }

    public RiskPolicy withPortfolio(PortfolioLimits limits) {
        return new RiskPolicy(global, overrides, haltScope, limits);
    }

    public RiskLimits limitsOf(String instance) {
        RiskLimits override = overrides.get(instance);
        return override == null ? global : global.overriddenBy(override);
    }
}
