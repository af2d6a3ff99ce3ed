package dev.tickflow.executor.risk;

/** Where the risk state is kept: a state store in the service. */
public interface RiskStore {

    /** The risk state under {@code key}: an instance, or {@link RiskEngine#ALL_INSTANCES}; empty when none was kept. */
    RiskState risk(String key);

    void putRisk(String key, RiskState state);
}
