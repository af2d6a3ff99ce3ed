package dev.tickflow.executor;

import dev.tickflow.executor.broker.Broker;
import dev.tickflow.executor.paper.PaperBroker;
import java.util.Map;
import java.util.function.Supplier;

/** Where the executor's broker is created from its settings: one broker per stream task. */
public final class Brokers {
    public static final String BINANCE_API_KEY_ENV = "TICKFLOW_EXECUTOR_BINANCE_API_KEY";
    public static final String BINANCE_API_SECRET_ENV = "TICKFLOW_EXECUTOR_BINANCE_API_SECRET";

    private Brokers() {
    }

    /**
     * The brokers {@code settings.broker()} names.
     *
     * @throws UnsupportedBrokerException when that broker cannot be created here
     */
    public static Supplier<Broker> supplier(ExecutorSettings settings) {
        return switch (settings.broker()) {
            case ExecutorSettings.BROKER_PAPER -> () -> new PaperBroker(settings.paperFeeRate(), settings.paperSlippageBps(), Map.of());
            case ExecutorSettings.BROKER_BINANCE -> throw new UnsupportedBrokerException("The binance broker needs the API key and secret in the "
                    + "environment variables " + BINANCE_API_KEY_ENV + " and " + BINANCE_API_SECRET_ENV
                    + ", and the Binance connector, which this build does not include yet; run with --broker paper");
            default -> throw new UnsupportedBrokerException("Unknown broker '" + settings.broker() + "'; use paper or binance");
        };
    }

    /** A broker that cannot be created; the message says what to do. */
    public static final class UnsupportedBrokerException extends RuntimeException {
        public UnsupportedBrokerException(String message) {
            super(message);
        }
    }
}
