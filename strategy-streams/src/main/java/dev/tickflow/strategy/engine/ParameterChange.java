package dev.tickflow.strategy.engine;

import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The decision on one SET_PARAMETERS command: applied (the instance's changed settings so far, this command's included)
 * or refused (why), by the same rules as the instances file. Pure: the strategy service and its tests run it alike.
 *
 * @param commandId the command's id
 * @param instance  the instance it names
 * @param applied   whether the change is valid and takes effect
 * @param message   one line for the operator
 * @param overrides applied: every setting changed at run time so far; refused: the unchanged ones
 */
public record ParameterChange(String commandId, String instance, boolean applied, String message, Map<String, String> overrides) {

    public ParameterChange {
        overrides = Map.copyOf(overrides);
    }

    /**
     * @param configured the instances as configured
     * @param current    the settings already changed at run time for {@code instance} (empty: none)
     * @param changes    the settings the command changes
     */
    public static ParameterChange decide(List<StrategyInstance> configured, String commandId, String instance, Map<String, String> current,
                                         Map<String, String> changes) {
        Optional<StrategyInstance> target = configured.stream().filter(candidate -> candidate.name().equals(instance)).findFirst();
        if (target.isEmpty()) {
            return new ParameterChange(commandId, instance, false, "SET_PARAMETERS names no strategy instance of this service ('" + instance
                    + "'); name one of " + configured.stream().map(StrategyInstance::name).toList(), current);
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        merged.putAll(changes);
        try {
            StrategyInstance changed = target.get().withParameters(changes.isEmpty() ? changes : merged);
            return new ParameterChange(commandId, instance, true, "Instance " + instance + " now runs " + changed.strategy()
                    + " from its next candle (changed: " + new TreeMap<>(changes) + ")", merged);
        } catch (InvalidStrategyConfigException e) {
            return new ParameterChange(commandId, instance, false, "Refused, instance " + instance + " keeps its settings: " + e.getMessage(), current);
        }
    }
}
