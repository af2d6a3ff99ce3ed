package dev.tickflow.runtime.state;

/** Stored bytes that do not hold a value of the layout their version header names: truncated, longer or malformed. */
public final class CorruptStateException extends IllegalStateException {

    public CorruptStateException(String message) {
        super(message);
    }

    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
