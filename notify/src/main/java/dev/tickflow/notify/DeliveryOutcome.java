package dev.tickflow.notify;

/** How a notification's delivery to one target ended; each is final, so the pair (target, id) is never tried again. */
public enum DeliveryOutcome {
    /** The target answered 2xx. */
    SENT,
    /** The target answered a status that no retry changes (a 4xx other than 408 and 429). */
    REFUSED,
    /** Every attempt failed with a connection error, 408, 429 or 5xx. */
    GAVE_UP
}
