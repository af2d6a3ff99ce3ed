package dev.tickflow.cli;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.config.CommonConfig;
import dev.tickflow.ingest.IngestSettings;
import dev.tickflow.strategy.StrategySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services {@code tickflow up} runs, in start order: one entry per service. Each runs as {@code tickflow <name>}
 * in a JVM of its own, configured through the same {@code TICKFLOW_*} variables an operator would use.
 *
 * <p>A new service (the executor with {@code --broker paper|binance}, the API and dashboard) is one more entry in
 * {@link #of}, and its choices one more field of {@link Choices}, set by an option of {@link UpCommand}.
 */
final class LocalServices {
    /** Heap of each service JVM: the budget is 256 MB at 2,000 symbols; the local stack runs a handful. */
    static final int SERVICE_HEAP_MB = 160;
    static final String SIMULATE = IngestSettings.SIMULATE;
    static final String BINANCE = IngestSettings.BINANCE;

    /**
     * What the user chose for the local stack.
     *
     * @param source  simulate or binance
     * @param speed   simulated seconds per real second (the simulator only)
     * @param symbols the symbols to ingest; empty for ingest's default
     * @param resume  where the simulator continues an earlier run, if md.trades holds one
     */
    record Choices(String source, double speed, List<String> symbols, Optional<MarketResume> resume) {
    }

    private LocalServices() {
    }

    static List<LocalService> of(Choices choices) {
        List<LocalService> services = new ArrayList<>();
        services.add(ingest(choices));
        services.add(LocalService.withHealthPort(AggregateCommand.NAME, "candles from md.trades",
                CommonConfig.defaultHttpPort(AggregateSettings.APPLICATION_ID), SERVICE_HEAP_MB, Map.of()));
        services.add(LocalService.withHealthPort(StrategyCommand.NAME, "signals from md.candles.1m",
                CommonConfig.defaultHttpPort(StrategySettings.APPLICATION_ID), SERVICE_HEAP_MB, Map.of()));
        return services;
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
        return LocalService.withHealthPort(IngestCommand.NAME, description, CommonConfig.defaultHttpPort(IngestSettings.APPLICATION_ID),
                SERVICE_HEAP_MB, settings);
    }

    private static String speed(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }
}
