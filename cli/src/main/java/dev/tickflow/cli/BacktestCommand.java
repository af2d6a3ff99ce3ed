package dev.tickflow.cli;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.backtest.BacktestRequest;
import dev.tickflow.backtest.BacktestResult;
import dev.tickflow.backtest.BacktestRunner;
import dev.tickflow.backtest.StrategyOverrides;
import dev.tickflow.backtest.TradeCache;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.api.InvalidStrategyConfigException;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Backtest offline (no Kafka) through the services' own domain code, on one thread: Binance trade files through the "
                + "aggregation (candles written as Binance kline CSV files: candles-1m.csv and one per rolled-up interval), or Binance "
                + "kline files; then the strategies and the executor's risk checks and paper broker. Writes indicators.csv, "
                + "signals.csv, orders.csv, fills.csv, report.json and report.html in --out.",
                "Progress goes to stderr, the summary to stdout."})
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--trades", paramLabel = "FILE", required = true, arity = "1..*",
                description = "Binance public-data aggTrades or trades files or directories of them (.csv, .zip or .gz as downloaded; with or "
                        + "without header), of one or several symbols: each symbol's files in time order, all symbols on one timeline.")
        List<Path> tradeFiles;

        @Option(names = "--klines", paramLabel = "FILE", required = true, arity = "1..*",
                description = "Binance public-data kline files of the strategies' interval (1m by default; 12 columns, or "
                        + "open_time,open,high,low,close,volume with a header), read in the order given.")
        List<Path> klineFiles;
    }

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "The symbol of all the files, such as BTCUSDT; needed only when their names do not say it (Binance's do: "
                    + "BTCUSDT-aggTrades-2024-01.zip).")
    String symbol;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the output files (created when missing; files in it are replaced).")
    Path outDir;

    @Option(names = "--grace-ms", paramLabel = "N",
            description = "Grace period of the windows in ms; overrides " + AggregateSettings.GRACE_MS + " (default " + AggregateSettings.DEFAULT_GRACE_MS + ").")
    Long graceMs;

    @Option(names = "--sma", paramLabel = "N", description = "SMA period of every sma-ema-crossover instance (overrides the configured one).")
    Integer sma;

    @Option(names = "--ema", paramLabel = "N", description = "EMA period of every sma-ema-crossover instance (overrides the configured one).")
    Integer ema;

    @Option(names = "--stop-loss", paramLabel = "X", description = "Stop loss of every sma-ema-crossover instance, a fraction such as 0.15 (overrides the configured one).")
    BigDecimal stopLoss;

    @Option(names = "--capital", paramLabel = "AMOUNT", defaultValue = "10000",
            description = "Starting capital of each strategy instance's simulated account, in the quote asset (default: ${DEFAULT-VALUE}).")
    BigDecimal capital;

    @Option(names = "--fee-rate", paramLabel = "X",
            description = "The paper broker's fee per fill as a fraction of its notional, in the quote asset; overrides "
                    + "executor.paper.fee.rate (default 0.001, 0.1%%).")
    BigDecimal feeRate;

    @Option(names = "--skip-malformed", description = "Skip and count malformed lines instead of stopping at the first one.")
    boolean skipMalformed;

    @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How often to report progress on stderr (default: ${DEFAULT-VALUE}).")
    Duration progressEvery;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where parsed trades are cached, so that a second run over the same trade files skips parsing them "
                    + "(default: $XDG_CACHE_HOME/tickflow/trades or ~/.cache/tickflow/trades).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the trade cache: parse every trade file.")
    boolean noCache;

    @Mixin
    SweepOptions sweep = new SweepOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        sweep.checkUnused(spec.commandLine());
        if (graceMs != null && graceMs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--grace-ms must be 0 or more, not " + graceMs);
        }
        TickflowConfig loaded = config.load(definition());
        ExecutorSettings execution = ExecutorSettings.from(loaded);
        if (feeRate != null) {
            execution = execution.withPaperCosts(feeRate, execution.paperSlippageBps());
        }
        Account account;
        try {
            account = new Account(capital, execution.paperFeeRate());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + " (--capital, --fee-rate)");
        }
        Duration grace = Duration.ofMillis(graceMs != null ? graceMs : loaded.getLong(AggregateSettings.GRACE_MS));
        boolean klines = input.klineFiles != null;
        BacktestRequest request = new BacktestRequest(klines ? BacktestRequest.Input.KLINES : BacktestRequest.Input.TRADES,
                klines ? input.klineFiles : input.tradeFiles, symbol, outDir, TopicCatalog.from(loaded), grace,
                skipMalformed ? MalformedLinePolicy.SKIP : MalformedLinePolicy.FAIL, progressEvery, strategySettings(loaded), execution, account);
        if (sweep.active()) {
            return sweep.run(spec.commandLine(), request, instanceProperties(loaded), account);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path cachePath = cacheDir != null ? cacheDir : TradeCache.defaultDir();
        TradeCache cache = noCache ? TradeCache.NONE : TradeCache.in(cachePath);
        BacktestResult result = new BacktestRunner(err, System.console() != null).withTradeCache(cache).run(request);
        if (cache != TradeCache.NONE && !klines) {
            err.printf("trade cache: %d file(s) read from it without parsing, %d written (%s)%n", cache.filesFromCache(), cache.filesCached(),
                    cachePath);
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        result.summary().forEach(out::println);
        out.flush();
        return 0;
    }

    /** The aggregation's keys, the strategy service's and the executor's. */
    static ConfigDef definition() {
        ConfigDef definition = AggregateSettings.definition();
        for (ConfigDef source : new ConfigDef[] {StrategySettings.definition(), ExecutorSettings.definition()}) {
            for (ConfigDef.ConfigKey key : source.configKeys().values()) {
                if (!definition.names().contains(key.name)) {
                    definition.define(key);
                }
            }
        }
        return definition;
    }

    /** The instances properties (file or defaults) with the command line's overrides, checked by {@link #strategySettings}. */
    private Map<String, String> instanceProperties(TickflowConfig loaded) {
        String file = loaded.getString(StrategySettings.INSTANCES_FILE).trim();
        StrategyOverrides overrides = new StrategyOverrides(Optional.ofNullable(sma), Optional.ofNullable(ema), Optional.ofNullable(stopLoss));
        return overrides.applyTo(file.isEmpty() ? StrategyInstances.DEFAULTS : StrategyInstances.read(Path.of(file)));
    }

    /** The configured instances (file or defaults) with the command line's overrides. */
    private StrategySettings strategySettings(TickflowConfig loaded) {
        String file = loaded.getString(StrategySettings.INSTANCES_FILE).trim();
        StrategyOverrides overrides = new StrategyOverrides(Optional.ofNullable(sma), Optional.ofNullable(ema), Optional.ofNullable(stopLoss));
        List<StrategyInstance> instances;
        try {
            instances = StrategyInstances.parse(instanceProperties(loaded), StrategyTypes.discover());
        } catch (InvalidStrategyConfigException e) {
            String where = file.isEmpty() ? "" : " in " + file + " (" + StrategySettings.INSTANCES_FILE + ")";
            throw new ConfigException("Invalid strategy configuration" + where + (overrides.isEmpty() ? "" : " with --sma/--ema/--stop-loss")
                    + ": " + e.getMessage());
        }
        TopicCatalog topics = TopicCatalog.from(loaded);
        CandleInterval interval = CandleInterval.parse(loaded.getString(StrategySettings.CANDLE_INTERVAL));
        if (!topics.candleIntervals().contains(interval)) {
            throw new ConfigException(StrategySettings.CANDLE_INTERVAL, interval.name(), "is not one of the candle intervals " + topics.candleIntervals());
        }
        return new StrategySettings(topics, interval, instances, loaded.serdeProperties());
    }
}
