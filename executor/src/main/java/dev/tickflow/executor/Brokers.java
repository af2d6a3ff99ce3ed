package dev.tickflow.executor;

import dev.tickflow.executor.broker.Broker;
import dev.tickflow.executor.paper.PaperBroker;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/** The one place the executor's broker is created from its settings: one broker per stream task. */
public final class Brokers {
    public static final String BINANCE_API_KEY_ENV = "TICKFLOW_EXECUTOR_BINANCE_API_KEY";
    public static final String BINANCE_API_SECRET_ENV = "TICKFLOW_EXECUTOR_BINANCE_API_SECRET";

    private Brokers() {
    }

    /**
     * The brokers {@code settings.broker()} names.
     *
     * @param environment the process environment, where the exchange's credentials are
     * @throws ConfigException saying what is missing when that broker cannot be created
     */
    public static Supplier<Broker> supplier(ExecutorSettings settings, Map<String, String> environment) {
        return switch (settings.broker()) {
            case ExecutorSettings.BROKER_PAPER -> () -> new PaperBroker(settings.paperFeeRate(), settings.paperSlippageBps(), settings.paperFilters());
            case ExecutorSettings.BROKER_BINANCE -> binance(environment);
            default -> throw new ConfigException(ExecutorSettings.BROKER, settings.broker(), "is not a broker; use paper or binance");
        };
    }

    private static Supplier<Broker> binance(Map<String, String> environment) {
        if (isBlank(environment.get(BINANCE_API_KEY_ENV)) || isBlank(environment.get(BINANCE_API_SECRET_ENV))) {
            throw new ConfigException("The binance broker needs the Spot API key and secret: set the environment variables "
                    + BINANCE_API_KEY_ENV + " and " + BINANCE_API_SECRET_ENV + " (or run with --broker paper)");
        }
        throw new ConfigException("The binance broker is not part of this build yet; run with --broker paper");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
