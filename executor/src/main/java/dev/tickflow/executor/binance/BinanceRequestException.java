package dev.tickflow.executor.binance;

import dev.tickflow.executor.venue.VenueRefusedException;

/**
 * Binance refused a request with an error code (HTTP 4xx): the request took no effect. The message holds the
 * exchange's code and message, never a URL, parameters or credentials.
 */
public class BinanceRequestException extends VenueRefusedException {

    private final int httpStatus;
    private final int errorCode;
    private final String exchangeMessage;

    public BinanceRequestException(String what, int httpStatus, int errorCode, String exchangeMessage) {
        super(what + ": Binance answered HTTP " + httpStatus + " code " + errorCode + " (" + exchangeMessage + ")",
                "binance " + errorCode + ": " + exchangeMessage, null);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.exchangeMessage = exchangeMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code, such as -1013 (filter failure) or -2013 (no such order). */
    public int errorCode() {
        return errorCode;
    }

    public String exchangeMessage() {
        return exchangeMessage;
    }

    /** What the answer means ({@link BinanceAnswers}). */
    BinanceAnswers.Meaning meaning() {
        return BinanceAnswers.classify(httpStatus, errorCode, exchangeMessage);
    }
}
