package dev.tickflow.executor;

import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.binance.BinanceVenue;
import dev.tickflow.executor.binance.BinanceVenueSettings;
import dev.tickflow.executor.engine.ExchangeVenue;
import dev.tickflow.executor.engine.ExecutionVenue;
import dev.tickflow.executor.engine.SimulatedVenue;
import dev.tickflow.executor.paper.PaperVenue;
import dev.tickflow.executor.reconcile.AccountWatch;
import dev.tickflow.executor.reconcile.ReconcileSettings;
import dev.tickflow.executor.reconcile.UserDataStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/**
 * The one place the executor's venue is created from its settings, one per stream task: the paper venue met as a
 * {@link SimulatedVenue}, Binance as an {@link ExchangeVenue}.
 */
public final class Venues {
    /** The variables that hold the binance venue's credentials (checked by {@code tickflow up} before it starts). */
    public static final String BINANCE_API_KEY_ENV = BinanceVenueSettings.API_KEY_ENV;
    public static final String BINANCE_API_SECRET_ENV = BinanceVenueSettings.API_SECRET_ENV;
    public static final String BINANCE_API_SECRET_FILE_ENV = BinanceVenueSettings.API_SECRET_FILE_ENV;

    private Venues() {
    }

    /**
     * The venues {@code settings.venue()} names ({@value ExecutorSettings#BROKER}); {@code config} (loaded with
     * {@link ExecutorSettings#definition()}) holds the settings of the binance venue, its credentials from
     * TICKFLOW_EXECUTOR_BINANCE_API_KEY and TICKFLOW_EXECUTOR_BINANCE_API_SECRET (or the secret file).
     *
     * @throws ConfigException saying what is missing when that venue cannot be created (checked here, at start,
     *                         not when the first stream task asks for a venue)
     */
    public static Supplier<ExecutionVenue> supplier(ExecutorSettings settings, TickflowConfig config) {
        return switch (settings.venue()) {
            case ExecutorSettings.VENUE_PAPER -> simulated(settings);
            case ExecutorSettings.VENUE_BINANCE -> binance(BinanceVenueSettings.from(config).requireWorkWithin(transactionTimeout(config)),
                    settings.refreshInterval(), ReconcileSettings.from(config));
            default -> throw new ConfigException(ExecutorSettings.BROKER, settings.venue(), "is not a broker; use paper or binance");
        };
    }

    /** The producers' transaction timeout: {@code kafka.producer.transaction.timeout.ms} or {@code kafka.transaction.timeout.ms}, else Streams' 10 s. */
    static Duration transactionTimeout(TickflowConfig config) {
        Map<String, Object> kafka = config.kafkaClientProperties();
        Object value = kafka.getOrDefault("producer.transaction.timeout.ms", kafka.get("transaction.timeout.ms"));
        if (value == null) {
            return BinanceVenueSettings.STREAMS_TRANSACTION_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.toString().trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException("kafka.transaction.timeout.ms", value, "must be a whole number of milliseconds");
        }
    }

    /** The paper venue of {@code executor.paper.*}. */
    public static PaperVenue paper(ExecutorSettings settings) {
        return new PaperVenue(settings.paperFeeRate(), settings.paperSlippageBps(), settings.paperFilters());
    }

    /** Simulated venues on {@link #paper paper}, whatever {@code settings.venue()} says: also what the backtest runs. */
    public static Supplier<ExecutionVenue> simulated(ExecutorSettings settings) {
        return () -> new SimulatedVenue(paper(settings));
    }

    /**
     * Exchange venues on the Binance {@code binance} describes, their resting orders refreshed every
     * {@code refreshInterval}; refuses settings without an API key and secret.
     */
    public static Supplier<ExecutionVenue> binance(BinanceVenueSettings binance, Duration refreshInterval) {
        BinanceVenueSettings checked = binance.requireCredentials();
        return () -> new ExchangeVenue(new BinanceVenue(checked), refreshInterval, Clock.systemUTC());
    }

    /** As {@link #binance(BinanceVenueSettings, Duration)}, each venue reconciling with the account as {@code reconcile} says. */
    public static Supplier<ExecutionVenue> binance(BinanceVenueSettings binance, Duration refreshInterval, ReconcileSettings reconcile) {
        if (!reconcile.enabled()) {
            return binance(binance, refreshInterval);
        }
        BinanceVenueSettings checked = binance.requireCredentials();
        URI streamUri = reconcile.userDataStreamUri(checked.restUrl());
        return () -> {
            BinanceVenue venue = new BinanceVenue(checked);
            UserDataStream stream = new UserDataStream(streamUri, checked.apiKey(), checked.apiSecret(), Clock.systemUTC());
            return new ExchangeVenue(venue, refreshInterval, Clock.systemUTC(), new AccountWatch(venue, stream, reconcile));
        };
    }
}
