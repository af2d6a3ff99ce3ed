package dev.tickflow.executor.venue;

/**
 * The venue answered, and what it answered means the request took no effect: a refusal (an HTTP 4xx with the
 * exchange's code and message), a rate limit that outlasted the back-off the executor allows itself, or a call the
 * executor did not send because the time budget of the current signal or refresh was spent. {@link #reason()} names it
 * for an order event; the message never holds a URL, parameters or credentials.
 */
public class VenueRefusedException extends RuntimeException {

    private final String reason;

    /** @param reason {@code "<name>: <detail>"}, as an order event's reject reason */
    public VenueRefusedException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The named reason an order event carries, {@code "<name>: <detail>"}. */
    public String reason() {
        return reason;
    }
}
