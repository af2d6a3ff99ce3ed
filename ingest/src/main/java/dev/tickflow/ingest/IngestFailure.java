package dev.tickflow.ingest;

/** A failure that stops ingest: a trade could not be written, so going on would lose it. */
public final class IngestFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
