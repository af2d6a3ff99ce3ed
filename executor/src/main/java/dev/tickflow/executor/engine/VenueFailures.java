package dev.tickflow.executor.engine;

import dev.tickflow.executor.venue.OrderFateUnknownException;
import dev.tickflow.executor.venue.VenueRefusedException;

/** How a failed venue call is told in a reject reason or a log line: its named reason, or what is known of it. */
public final class VenueFailures {

    private VenueFailures() {
    }

    /** The detail of a reason: the venue's named refusal, "outcome unknown: ..." or the failure itself. */
    public static String describe(RuntimeException failure) {
        if (failure instanceof VenueRefusedException refused) {
            return refused.reason();
        }
        if (failure instanceof OrderFateUnknownException unknown) {
            return "outcome unknown: " + unknown.getMessage();
        }
        return failure.toString();
    }
}
