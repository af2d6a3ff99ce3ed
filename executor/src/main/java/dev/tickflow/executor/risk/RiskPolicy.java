package dev.tickflow.executor.risk;

import java.util.Map;

/**
 * The limits of every instance: the global ones with each instance's overrides on top, and whether a breached loss
 * limit halts only that instance or everything.
 */
public record RiskPolicy(RiskLimits global, Map<String, RiskLimits> overrides, HaltScope haltScope) {

    public enum HaltScope {
        /** A loss limit halts the instance that breached it. */
        INSTANCE,
        /** A loss limit of any instance halts every instance. */
        ALL
    }

    public RiskPolicy {
        overrides = Map.copyOf(overrides);
    }

    public static RiskPolicy unlimited() {
        return new RiskPolicy(RiskLimits.none(), Map.of(), HaltScope.INSTANCE);
    }

    public RiskLimits limitsOf(String instance) {
        RiskLimits override = overrides.get(instance);
        return override == null ? global : global.overriddenBy(override);
    }
}
