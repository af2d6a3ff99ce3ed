package dev.tickflow.api.view;

import dev.tickflow.schema.OperationalEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each strategy instance's control state as the API can tell it from ops.events, in the order they arrive (an
 * instance's events share a partition, so that is the order they were written): PAUSED/RESUMED, HALTED/HALT_LIFTED,
 * the settings changed by applied SET_PARAMETERS commands, and the latest event. Events of instance '*' concern every
 * instance.
 */
public final class OperatorControlView {
    public static final String ALL = "*";
    private static final String PARAMETER = "parameter.";

    /**
     * @param paused     the latest of PAUSED/RESUMED was PAUSED
     * @param halted     the latest of HALTED/HALT_LIFTED was HALTED
     * @param parameters the settings changed at run time, as the strategy service last reported them
     * @param lastEvent  the latest event of the instance, null for none
     */
    public record State(boolean paused, boolean halted, Map<String, String> parameters, OperationalEvent lastEvent) {
        static final State NONE = new State(false, false, Map.of(), null);

        public State {
            parameters = Map.copyOf(parameters);
        }
    }

    private final Map<String, State> byInstance = new TreeMap<>();

    public synchronized void apply(OperationalEvent event) {
        String instance = event.getStrategyInstance();
        if (instance == null) {
            return;
        }
        State current = byInstance.getOrDefault(instance, State.NONE);
        boolean paused = switch (event.getKind()) {
            case "PAUSED" -> true;
            case "RESUMED" -> false;
            default -> current.paused();
        };
        boolean halted = switch (event.getKind()) {
            case "HALTED" -> true;
            case "HALT_LIFTED" -> false;
            default -> current.halted();
        };
        Map<String, String> parameters = current.parameters();
        if (event.getKind().equals("COMMAND_APPLIED") && "SET_PARAMETERS".equals(event.getDetails().get("action"))) {
            parameters = new TreeMap<>();
            for (Map.Entry<String, String> detail : event.getDetails().entrySet()) {
                if (detail.getKey().startsWith(PARAMETER)) {
                    parameters.put(detail.getKey().substring(PARAMETER.length()), detail.getValue());
                }
            }
        }
        byInstance.put(instance, new State(paused, halted, parameters, event));
    }

    /** The instance's state, with a pause or halt of every instance ('*') included. */
    public synchronized State of(String instance) {
        State own = byInstance.getOrDefault(instance, State.NONE);
        State all = instance.equals(ALL) ? State.NONE : byInstance.getOrDefault(ALL, State.NONE);
        return new State(own.paused() || all.paused(), own.halted() || all.halted(), own.parameters(), own.lastEvent());
    }
}
