package dev.tickflow.cli;

import dev.tickflow.backtest.BacktestRequest;
import dev.tickflow.backtest.CandleBacktest;
import dev.tickflow.backtest.StrategyCandles;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.backtest.sweep.ParameterGrid;
import dev.tickflow.backtest.sweep.RankMetric;
import dev.tickflow.backtest.sweep.Sweep;
import dev.tickflow.backtest.sweep.SweepFiles;
import dev.tickflow.backtest.sweep.SweepParameter;
import dev.tickflow.backtest.sweep.SweepReport;
import dev.tickflow.backtest.sweep.SweepRequest;
import dev.tickflow.backtest.sweep.SweepStrategy;
import dev.tickflow.backtest.sweep.SweepSummary;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.strategy.engine.StrategyTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code tickflow backtest --sweep ...}: the parameter sweep and walk-forward options, and the hand-over from the command. */
final class SweepOptions {
    @Option(names = "--sweep", paramLabel = "NAME=SPEC",
            description = "Sweep a setting of the strategy instance: NAME=FROM:TO:STEP (inclusive, exact decimals) or NAME=V1,V2,...; "
                    + "repeat for more settings (e.g. --sweep sma=5:30:5 --sweep ema=3:15:2 --sweep stop-loss=0.05,0.10,0.15). "
                    + "Candles are made once, every combination runs; writes sweep.csv, sweep.html, heatmap.svg.")
    List<String> specs = new ArrayList<>();

    @Option(names = "--sweep-instance", paramLabel = "NAME",
            description = "The configured strategy instance whose settings are swept (default: the first one); the others are left out.")
    String instance;

    @Option(names = "--rank-by", paramLabel = "METRIC", defaultValue = "net-pnl",
            description = "What ranks the sets: net-pnl, sharpe, max-drawdown (lowest first) or trades (default: ${DEFAULT-VALUE}).")
    String rankBy;

    @Option(names = "--threads", paramLabel = "N", description = "Threads running the sets (default: the available processors).")
    Integer threads;

    @Option(names = "--heat-map", paramLabel = "X,Y", split = ",",
            description = "The two swept settings of the heat map, columns then rows (default: the first two --sweep).")
    List<String> heatMap;

    @Option(names = "--walk-forward", paramLabel = "N",
            description = "Also walk forward over N rolling folds: the period in N+1 equal parts, fold k picks the best set on part k-1 "
                    + "and runs it on part k.")
    Integer walkForward;

    boolean active() {
        return !specs.isEmpty();
    }

    /** Complains about sweep options given without --sweep. */
    void checkUnused(CommandLine commandLine) {
        if (!active() && (instance != null || threads != null || heatMap != null || walkForward != null)) {
            throw new CommandLine.ParameterException(commandLine,
                    "--sweep-instance, --threads, --heat-map and --walk-forward belong to a sweep: add --sweep NAME=SPEC");
        }
    }

    /** Runs the sweep instead of a single backtest: prints its summary and writes its files into the request's output directory. */
    int run(CommandLine commandLine, BacktestRequest request, Map<String, String> instanceProperties, Account account) throws IOException {
        SweepRequest sweep;
        try {
            List<SweepParameter> parameters = specs.stream().map(SweepParameter::parse).toList();
            if (heatMap != null && heatMap.size() != 2) {
                throw new IllegalArgumentException("--heat-map takes two swept settings, X,Y (e.g. --heat-map sma,ema), not " + String.join(",", heatMap));
            }
            int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (threadCount < 1) {
                throw new IllegalArgumentException("--threads must be 1 or more, not " + threadCount);
            }
            if (walkForward != null && walkForward < 1) {
                throw new IllegalArgumentException("--walk-forward must be 1 or more folds, not " + walkForward);
            }
            sweep = new SweepRequest(new ParameterGrid(parameters), RankMetric.parse(rankBy), threadCount, heatMap == null ? null : heatMap.get(0),
                    heatMap == null ? null : heatMap.get(1), walkForward == null ? 0 : walkForward, request.progressEvery());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        String symbol = BinanceTradesCsv.normalizeSymbol(request.symbol());
        SweepStrategy strategy;
        try {
            strategy = new SweepStrategy(instanceProperties, instance, StrategyTypes.discover(), request.strategy(), request.executor(), account, symbol);
            strategy.checkParameters(sweep.grid().names());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        PrintWriter err = commandLine.getErr();
        StrategyCandles candles = CandleBacktest.strategyCandles(request, err);
        SweepReport report;
        try {
            report = Sweep.run(strategy, symbol, candles, sweep, err, System::nanoTime);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        Path outDir = request.outDir();
        List<Path> written = SweepFiles.write(report, outDir);
        PrintWriter out = commandLine.getOut();
        SweepSummary.lines(report, written).forEach(out::println);
        out.flush();
        return 0;
    }
}
