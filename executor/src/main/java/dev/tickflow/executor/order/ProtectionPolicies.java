package dev.tickflow.executor.order;

import java.util.Map;
import java.util.Objects;

/** The protection of every instance: {@code defaults}, or the instance's own policy. */
public record ProtectionPolicies(ProtectionPolicy defaults, Map<String, ProtectionPolicy> perInstance) {

    /** Protection in the strategies only: nothing placed at the exchange. */
    public static final ProtectionPolicies STRATEGY_ONLY = new ProtectionPolicies(ProtectionPolicy.STRATEGY_ONLY, Map.of());

    public ProtectionPolicies {
        Objects.requireNonNull(defaults, "defaults");
        perInstance = Map.copyOf(perInstance);
    }

    public ProtectionPolicy of(String instance) {
        return perInstance.getOrDefault(instance, defaults);
    }
}
