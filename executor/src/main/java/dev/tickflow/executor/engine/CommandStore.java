package dev.tickflow.executor.engine;

import java.time.Instant;

/** The operator commands already handled, by command id: each is applied at most once. A state store in the service. */
public interface CommandStore {

    boolean commandHandled(String commandId);

    void markCommandHandled(String commandId, Instant at);
}
