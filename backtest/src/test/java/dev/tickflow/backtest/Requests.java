package dev.tickflow.backtest;

import dev.tickflow.backtest.report.Account;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Backtest requests as {@code tickflow backtest} makes them: the defaults of every key unless the test says otherwise. */
final class Requests {
    private Requests() {
    }

    /** The executor's settings with these {@code executor.*} keys over the defaults (paper broker, fee 0.001). */
    static ExecutorSettings executor(Map<String, String> keys) {
        return ExecutorSettings.from(TickflowConfig.load(Optional.empty(), environment(keys), ExecutorSettings.definition()));
    }

    /** The default instances A and B on 1m candles, with {@code overrides} as {@code --sma/--ema/--stop-loss} give them. */
    static StrategySettings strategies(StrategyOverrides overrides) {
        return strategies(overrides.applyTo(StrategyInstances.DEFAULTS), CandleInterval.ONE_MINUTE);
    }

    static StrategySettings strategies(Map<String, String> instances, CandleInterval interval) {
        return new StrategySettings(TopicCatalog.defaults(), interval, StrategyInstances.parse(instances, StrategyTypes.discover()), Map.of());
    }

    /** Trades or klines with every default: intervals 1m to 1h, grace 5 s, instances A and B, the paper executor, capital 10,000. */
    static BacktestRequest of(BacktestRequest.Input input, Path file, String symbol, Path out) {
        return of(input, List.of(file), symbol, out, Duration.ofSeconds(5), strategies(StrategyOverrides.NONE), executor(Map.of()));
    }

    static BacktestRequest of(BacktestRequest.Input input, List<Path> files, String symbol, Path out, Duration grace, StrategySettings strategies,
                              ExecutorSettings executor) {
        return new BacktestRequest(input, files, symbol, out, strategies.topics(), grace, MalformedLinePolicy.FAIL, Duration.ofHours(1),
                strategies, executor, new Account(Account.DEFAULT_STARTING_CAPITAL, executor.paperFeeRate()));
    }

    /** The same request, its files written to {@code out}. */
    static BacktestRequest writingTo(BacktestRequest request, Path out) {
        return new BacktestRequest(request.input(), request.files(), request.symbol(), out, request.topics(), request.grace(), request.malformed(),
                request.progressEvery(), request.strategy(), request.executor(), request.account());
    }

    /** The summary lines that do not vary between runs (no elapsed time, no paths). */
    static List<String> stableSummary(BacktestResult result) {
        return result.summary().stream().filter(line -> !line.startsWith("elapsed:") && !line.startsWith("written:")).toList();
    }

    private static Map<String, String> environment(Map<String, String> keys) {
        return keys.entrySet().stream().collect(Collectors.toMap(
                entry -> "TICKFLOW_" + entry.getKey().replace("_", "__").replace('.', '_').toUpperCase(Locale.ROOT), Map.Entry::getValue));
    }
}
