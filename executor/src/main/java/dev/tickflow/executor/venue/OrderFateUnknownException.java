package dev.tickflow.executor.venue;

/**
 * The venue could not tell whether an order exists (a 5xx, a timeout, a dropped connection). The executor looks it
 * up by client order id before it does anything else with it. The message never holds credentials.
 */
public class OrderFateUnknownException extends RuntimeException {

    public OrderFateUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
