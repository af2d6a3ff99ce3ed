package dev.tickflow.executor;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.binance.BinanceVenue;
import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.venue.TradingVenue;
import dev.tickflow.executor.paper.PaperVenue;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/** The one place the executor's broker is created from its settings: one broker per stream task. */
public final class Venues {
    /** The variables that hold the binance broker's credentials (checked by {@code tickflow up} before it starts). */
    public static final String BINANCE_API_KEY_ENV = BinanceVenueSettings.API_KEY_ENV;
    public static final String BINANCE_API_SECRET_ENV = BinanceVenueSettings.API_SECRET_ENV;
    public static final String BINANCE_API_SECRET_FILE_ENV = BinanceVenueSettings.API_SECRET_FILE_ENV;

    private Venues() {
    }

    /**
     * The brokers {@code settings.broker()} names; {@code config} (loaded with {@link ExecutorSettings#definition()})
     * holds the settings of the binance broker, its credentials from TICKFLOW_EXECUTOR_BINANCE_API_KEY and
     * TICKFLOW_EXECUTOR_BINANCE_API_SECRET (or the secret file).
     *
     * @throws ConfigException saying what is missing when that broker cannot be created (checked here, at start,
     *                         not when the first stream task asks for a broker)
     */
    public static Supplier<TradingVenue> supplier(ExecutorSettings settings, TickflowConfig config) {
        return switch (settings.broker()) {
            case ExecutorSettings.BROKER_PAPER -> () -> new PaperVenue(settings.paperFeeRate(), settings.paperSlippageBps(), settings.paperFilters());
            case ExecutorSettings.BROKER_BINANCE -> binance(BinanceVenueSettings.from(config));
            default -> throw new ConfigException(ExecutorSettings.BROKER, settings.broker(), "is not a broker; use paper or binance");
        };
    }

    /** Venues on the exchange {@code binance} describes; refuses settings without an API key and secret. */
    public static Supplier<TradingVenue> binance(BinanceVenueSettings binance) {
        BinanceVenueSettings checked = binance.requireCredentials();
        return () -> new BinanceVenue(checked);
    }
}
