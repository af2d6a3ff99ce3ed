package dev.tickflow.executor.binance;

/**
 * Binance refused a request with an error code (HTTP 4xx), or could not be asked at all about something that is not
 * an order (exchangeInfo). The message holds the exchange's code and message, never a URL, parameters or credentials.
 */
public class BinanceRequestException extends RuntimeException {

    /** No Binance error code: the request did not get that far. */
    public static final int NO_CODE = 0;

    private final int httpStatus;
    private final int errorCode;
    private final String exchangeMessage;

    public BinanceRequestException(String what, int httpStatus, int errorCode, String exchangeMessage) {
        super(what + ": Binance answered HTTP " + httpStatus + " code " + errorCode + " (" + exchangeMessage + ")");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.exchangeMessage = exchangeMessage;
    }

    public BinanceRequestException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = NO_CODE;
        this.exchangeMessage = null;
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
}
