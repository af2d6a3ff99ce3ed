package dev.tickflow.executor.binance;

import java.util.Locale;

/**
 * What an answer of Binance Spot's REST API means for the call that got it: the one place that reads HTTP statuses,
 * Binance error codes and transport failures. {@link BinanceVenue} decides per call what each meaning leads to
 * (docs/binance-broker.md has the table).
 */
final class BinanceAnswers {
    static final int UNKNOWN_ERROR = -1000;
    static final int DISCONNECTED = -1001;
    static final int TOO_MANY_REQUESTS = -1003;
    static final int UNEXPECTED_RESPONSE = -1006;
    static final int BACKEND_TIMEOUT = -1007;
    static final int SERVER_BUSY = -1008;
    static final int TOO_MANY_ORDERS = -1015;
    static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;
    static final int INVALID_SYMBOL = -1121;
    static final int NEW_ORDER_REJECTED = -2010;
    static final int CANCEL_REJECTED = -2011;
    static final int ORDER_DOES_NOT_EXIST = -2013;
    static final String DUPLICATE_ORDER_MESSAGE = "duplicate order sent";

    /** The meaning of an answer. */
    enum Meaning {
        /** Binance refused the request for its rate (429, 418, -1003, -1015): nothing executed; wait and send it again. */
        RATE_LIMITED,
        /** The request's timestamp fell outside recvWindow (-1021): nothing executed; correct the clock and send again. */
        CLOCK_SKEW,
        /** A new order's client order id is already taken (-2010 "Duplicate order sent."): the order exists; look it up. */
        DUPLICATE_ORDER,
        /** A cancel was refused (-2011, "Unknown order sent."): the order is final or was never there; look it up. */
        CANCEL_REJECTED,
        /** The order queried does not exist (-2013). */
        NO_SUCH_ORDER,
        /** The symbol does not exist (-1121). */
        NO_SUCH_SYMBOL,
        /** Anything else Binance refused (4xx): nothing executed. */
        REFUSED,
        /**
         * Whether the request executed is unknown: a 5xx, a code that says so (-1000, -1001, -1006, -1007, -1008), a
         * timeout or I/O failure, or an answer that cannot be read.
         */
        EXECUTION_UNKNOWN
    }

    private BinanceAnswers() {
    }

    /** The meaning of an HTTP error answer with Binance's {@code code} and {@code message} (code 0 when it had none). */
    static Meaning classify(int httpStatus, int code, String message) {
        if (httpStatus >= 500) {
            return Meaning.EXECUTION_UNKNOWN;
        }
        if (httpStatus == 429 || httpStatus == 418 || code == TOO_MANY_REQUESTS || code == TOO_MANY_ORDERS) {
            return Meaning.RATE_LIMITED;
        }
        return switch (code) {
            case UNKNOWN_ERROR, DISCONNECTED, UNEXPECTED_RESPONSE, BACKEND_TIMEOUT, SERVER_BUSY -> Meaning.EXECUTION_UNKNOWN;
            case TIMESTAMP_OUTSIDE_RECV_WINDOW -> Meaning.CLOCK_SKEW;
            case NEW_ORDER_REJECTED -> isDuplicate(message) ? Meaning.DUPLICATE_ORDER : Meaning.REFUSED;
            case CANCEL_REJECTED -> Meaning.CANCEL_REJECTED;
            case ORDER_DOES_NOT_EXIST -> Meaning.NO_SUCH_ORDER;
            case INVALID_SYMBOL -> Meaning.NO_SUCH_SYMBOL;
            default -> Meaning.REFUSED;
        };
    }

    /** No answer at all: a connect or read timeout, a dropped connection, any I/O failure. */
    static Meaning noAnswer() {
        return Meaning.EXECUTION_UNKNOWN;
    }

    /** An HTTP 200 whose body cannot be read as the expected answer: Binance took the request, so it may have executed. */
    static Meaning unreadableAnswer() {
        return Meaning.EXECUTION_UNKNOWN;
    }

    private static boolean isDuplicate(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains(DUPLICATE_ORDER_MESSAGE);
    }
}
