package dev.tickflow.localstack;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.api.ApiSettings;
import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.Venues;
import dev.tickflow.ingest.IngestSettings;
import dev.tickflow.notify.NotifySettings;
import dev.tickflow.strategy.StrategySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services {@code tickflow up} runs, in start order: one entry per service. Each runs as {@code tickflow <name>}
 * in a JVM of its own, configured through the same {@code TICKFLOW_*} variables an operator would use.
 *
 * <p>A new service is one more entry in {@link #of}, and its choices one more field of {@link Choices}, set by an
 * option of the up command.
 */
public final class LocalServices {
    /** Heap of each service JVM: the budget is 256 MB at 2,000 symbols; the local stack runs a handful. */
    static final int SERVICE_HEAP_MB = 160;
    public static final String SIMULATE = IngestSettings.SIMULATE;
    public static final String BINANCE = IngestSettings.BINANCE;
    public static final String BROKER_PAPER = ExecutorSettings.VENUE_PAPER;
    public static final String BROKER_BINANCE = ExecutorSettings.VENUE_BINANCE;
    /** The services, each named by the tickflow command that runs it. */
    public static final String INGEST = "ingest";
    public static final String AGGREGATE = "aggregate";
    public static final String STRATEGY = "strategy";
    public static final String EXECUTOR = "executor";
    public static final String API = "api";
    public static final String NOTIFY = "notify";
    /**
     * The services whose JVM gets the full JIT (C1 and C2); the others stop at C1, which needs less memory. The executor's
     * one stream thread takes every trade of the account (its one risk decision point), so its speed per trade bounds
     * how many symbols the stack can follow (docs/performance.md, "Soak").
     */
    public static final Set<String> FULL_JIT = Set.of(EXECUTOR);
    /** The API keeps bounded views of every topic in memory: a little more room than the Streams services. */
    static final int API_HEAP_MB = 192;

    /**
     * What the user chose for the local stack.
     *
     * @param source  simulate or binance
     * @param speed   simulated seconds per real second (the simulator only)
     * @param symbols the symbols to ingest; empty for ingest's default
     * @param resume  where the simulator continues an earlier run, if md.trades holds one
     * @param broker  where the executor sends orders: paper or binance
     */
    public record Choices(String source, double speed, List<String> symbols, Optional<MarketResume> resume, String broker) {
    }

    private LocalServices() {
    }

    public static List<LocalService> of(Choices choices) {
        List<LocalService> services = new ArrayList<>();
        services.add(ingest(choices));
        services.add(withHealthPort(AGGREGATE, "candles from md.trades",
                CommonConfig.defaultHttpPort(AggregateSettings.APPLICATION_ID), SERVICE_HEAP_MB, Map.of()));
        services.add(withHealthPort(STRATEGY, "signals from md.candles.1m",
                CommonConfig.defaultHttpPort(StrategySettings.APPLICATION_ID), SERVICE_HEAP_MB, Map.of()));
        services.add(executor(choices));
        services.add(new LocalService(API, "REST and WebSocket API, dashboard", ApiSettings.PORT, ApiSettings.DEFAULT_PORT, "/",
                API_HEAP_MB, Map.of()));
        return services;
    }

    /**
     * The services of {@link #of(Choices)}, and notify when {@code environment} configures a webhook for it
     * ({@code TICKFLOW_NOTIFY_TARGET_<n>_URL} or {@code ..._URL_FILE}); the service reads its targets from there.
     */
    public static List<LocalService> of(Choices choices, Map<String, String> environment) {
        List<LocalService> services = new ArrayList<>(of(choices));
        if (webhookConfigured(environment)) {
            services.add(withHealthPort(NOTIFY, "fills, rejections and ops.events to the configured webhooks", NotifySettings.DEFAULT_HTTP_PORT,
                    SERVICE_HEAP_MB, Map.of()));
        }
        return services;
    }

    static boolean webhookConfigured(Map<String, String> environment) {
        for (int slot = 1; slot <= NotifySettings.MAX_TARGETS; slot++) {
            for (String property : List.of("url", "url.file")) {
                if (!isBlank(environment.get(TickflowConfig.environmentVariable(NotifySettings.targetKey(slot, property))))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A service whose health and metrics are on {@code http.port}. */
    private static LocalService withHealthPort(String name, String description, int defaultPort, int heapMegabytes, Map<String, String> settings) {
        return new LocalService(name, description, ConfigKeys.HTTP_PORT, defaultPort, LocalService.HEALTH_PATH, heapMegabytes, settings);
    }

    /**
     * The environment variables a choice needs that are missing or blank in {@code environment}: the exchange's key
     * and secret for the binance broker. Checked before anything starts, so that up does not start a stack whose
     * executor cannot run.
     */
    public static List<String> missingEnvironment(Choices choices, Map<String, String> environment) {
        if (!BROKER_BINANCE.equals(choices.broker())) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        if (isBlank(environment.get(Venues.BINANCE_API_KEY_ENV))) {
            missing.add(Venues.BINANCE_API_KEY_ENV);
        }
        if (isBlank(environment.get(Venues.BINANCE_API_SECRET_ENV)) && isBlank(environment.get(Venues.BINANCE_API_SECRET_FILE_ENV))) {
            missing.add(Venues.BINANCE_API_SECRET_ENV + " (or " + Venues.BINANCE_API_SECRET_FILE_ENV + ")");
        }
        return missing;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalService executor(Choices choices) {
        String description = BROKER_PAPER.equals(choices.broker())
                ? "orders and fills from strategy.signals (paper broker: simulated fills, no exchange)"
                : "orders from strategy.signals to Binance Spot (the testnet unless configured otherwise)";
        return withHealthPort(EXECUTOR, description, CommonConfig.defaultHttpPort(ExecutorSettings.APPLICATION_ID),
                SERVICE_HEAP_MB, Map.of(ExecutorSettings.BROKER, choices.broker()));
    }

    private static LocalService ingest(Choices choices) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(IngestSettings.SOURCE, choices.source());
        if (!choices.symbols().isEmpty()) {
            settings.put(IngestSettings.SYMBOLS, String.join(",", choices.symbols()));
        }
        String description;
        if (SIMULATE.equals(choices.source())) {
            settings.put(IngestSettings.SIMULATOR_SPEED, String.valueOf(choices.speed()));
            choices.resume().ifPresent(resume -> {
                settings.put(IngestSettings.SIMULATOR_START, resume.start().toString());
                settings.put(IngestSettings.SIMULATOR_FIRST_TRADE_ID, Long.toString(resume.firstTradeId()));
            });
            description = String.format("simulated market at %sx real time%s", speed(choices.speed()),
                    choices.resume().map(r -> ", continuing at " + r.start()).orElse(""));
        } else {
            description = "live Binance Spot Testnet trades";
        }
        return withHealthPort(INGEST, description, CommonConfig.defaultHttpPort(IngestSettings.APPLICATION_ID),
                SERVICE_HEAP_MB, settings);
    }

    private static String speed(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }
}
