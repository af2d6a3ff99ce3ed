package dev.tickflow.executor;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.binance.BinanceBroker;
import dev.tickflow.executor.binance.BinanceBrokerSettings;
import dev.tickflow.executor.broker.Broker;
import dev.tickflow.executor.paper.PaperBroker;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/** The one place the executor's broker is created from its settings: one broker per stream task. */
public final class Brokers {
    /** The variables that hold the binance broker's credentials (checked by {@code tickflow up} before it starts). */
    public static final String BINANCE_API_KEY_ENV = BinanceBrokerSettings.API_KEY_ENV;
    public static final String BINANCE_API_SECRET_ENV = BinanceBrokerSettings.API_SECRET_ENV;
    public static final String BINANCE_API_SECRET_FILE_ENV = BinanceBrokerSettings.API_SECRET_FILE_ENV;

    private Brokers() {
    }

    /**
     * The brokers {@code settings.broker()} names; {@code config} (loaded with {@link ExecutorSettings#definition()})
     * holds the settings of the binance broker, its credentials from TICKFLOW_EXECUTOR_BINANCE_API_KEY and
     * TICKFLOW_EXECUTOR_BINANCE_API_SECRET (or the secret file).
     *
     * @throws ConfigException saying what is missing when that broker cannot be created (checked here, at start,
     *                         not when the first stream task asks for a broker)
     */
    public static Supplier<Broker> supplier(ExecutorSettings settings, TickflowConfig config) {
        return switch (settings.broker()) {
            case ExecutorSettings.BROKER_PAPER -> () -> new PaperBroker(settings.paperFeeRate(), settings.paperSlippageBps(), settings.paperFilters());
            case ExecutorSettings.BROKER_BINANCE -> binance(BinanceBrokerSettings.from(config));
            default -> throw new ConfigException(ExecutorSettings.BROKER, settings.broker(), "is not a broker; use paper or binance");
        };
    }

    /** Brokers on the exchange {@code binance} describes; refuses settings without an API key and secret. */
    public static Supplier<Broker> binance(BinanceBrokerSettings binance) {
        BinanceBrokerSettings checked = binance.requireCredentials();
        return () -> new BinanceBroker(checked);
    }
}
