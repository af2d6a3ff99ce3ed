package dev.tickflow.executor.control;

import java.time.Instant;

/**
 * What the engine needs of a control.operator record.
 *
 * @param instance a strategy instance, or {@code *} for every instance
 * @param symbol   FORCE_EXIT and CANCEL_ALL: only this symbol; null for all
 */
public record OperatorCommandInput(String commandId, ControlAction action, String instance, String symbol, String issuedBy,
                                   Instant requestedAt) {

    public static final String EVERY_INSTANCE = "*";

    public boolean everyInstance() {
        return EVERY_INSTANCE.equals(instance);
    }

    public boolean covers(String otherInstance, String otherSymbol) {
        return (everyInstance() || instance.equals(otherInstance)) && (symbol == null || symbol.equals(otherSymbol));
    }
}
