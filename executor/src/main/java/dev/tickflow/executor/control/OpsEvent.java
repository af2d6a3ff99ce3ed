package dev.tickflow.executor.control;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Something an operator should hear about (an ops.events record): a halt, a command applied or refused, a pause.
 *
 * @param eventId deterministic: derived from the command id, or from the halted key and the halt's time
 * @param kind    HALTED, HALT_LIFTED, PAUSED, RESUMED, COMMAND_APPLIED, COMMAND_REFUSED
 * @param severity INFO, WARNING or CRITICAL
 */
public record OpsEvent(String eventId, String kind, String severity, String instance, String symbol, String message,
                       Map<String, String> details, Instant time) {

    public OpsEvent {
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
