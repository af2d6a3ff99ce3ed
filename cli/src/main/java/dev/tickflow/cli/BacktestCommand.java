package dev.tickflow.cli;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.cli.backtest.AggregateCandleTopology;
import dev.tickflow.cli.backtest.BacktestRequest;
import dev.tickflow.cli.backtest.BacktestResult;
import dev.tickflow.cli.backtest.BacktestRunner;
import dev.tickflow.cli.backtest.CandleTopology;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.topics.TopicCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay Binance trade files through the aggregation topology offline (no broker) and write the candles "
                + "as Binance kline CSV files: candles-1m.csv and one per rolled-up interval in --out.",
                "Progress goes to stderr, the summary to stdout."})
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--trades", paramLabel = "FILE", required = true, arity = "1..*",
            description = "Binance public-data aggTrades or trades files (.csv, .zip or .gz; with or without header), read in the order given.")
    List<Path> tradeFiles;

    @Option(names = "--symbol", paramLabel = "SYMBOL", required = true, description = "The symbol the files hold, such as BTCUSDT.")
    String symbol;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for the candle files (created when missing; files in it are replaced).")
    Path outDir;

    @Option(names = "--grace-ms", paramLabel = "N",
            description = "Grace period of the windows in ms; overrides " + AggregateSettings.GRACE_MS + " (default " + AggregateSettings.DEFAULT_GRACE_MS + ").")
    Long graceMs;

    @Option(names = "--skip-malformed", description = "Skip and count malformed lines instead of stopping at the first one.")
    boolean skipMalformed;

    @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How often to report progress on stderr (default: ${DEFAULT-VALUE}).")
    Duration progressEvery;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CandleTopology topology;

    BacktestCommand() {
        this(AggregateCandleTopology.INSTANCE);
    }

    BacktestCommand(CandleTopology topology) {
        this.topology = topology;
    }

    @Override
    public Integer call() {
        if (graceMs != null && graceMs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--grace-ms must be 0 or more, not " + graceMs);
        }
        TickflowConfig loaded = config.load(AggregateSettings.definition());
        Duration grace = Duration.ofMillis(graceMs != null ? graceMs : loaded.getLong(AggregateSettings.GRACE_MS));
        BacktestRequest request = new BacktestRequest(tradeFiles, symbol, outDir, TopicCatalog.from(loaded), grace,
                skipMalformed ? MalformedLinePolicy.SKIP : MalformedLinePolicy.FAIL, progressEvery);
        PrintWriter err = spec.commandLine().getErr();
        BacktestResult result = new BacktestRunner(topology, err).run(request);
        PrintWriter out = spec.commandLine().getOut();
        result.summary().forEach(out::println);
        out.flush();
        return 0;
    }
}
