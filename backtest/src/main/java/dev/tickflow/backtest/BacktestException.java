package dev.tickflow.backtest;

/** A backtest that cannot run or complete, with a message for the user. */
public class BacktestException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BacktestException(String message) {
        super(message);
    }

    public BacktestException(String message, Throwable cause) {
        super(message, cause);
    }
}
