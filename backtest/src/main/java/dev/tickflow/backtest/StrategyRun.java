package dev.tickflow.cli.backtest;

import dev.tickflow.cli.backtest.report.Account;
import dev.tickflow.cli.backtest.report.BacktestReport;
import dev.tickflow.cli.backtest.report.ReportHtml;
import dev.tickflow.cli.backtest.report.ReportJson;
import dev.tickflow.cli.backtest.report.Fill.Side;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.OrderSide;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstance;
import dev.tickflow.topics.CandleInterval;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The strategy and execution part of one backtest: a {@link StrategyReplay} whose signals go to an {@link ExecutorReplay}
 * (paper broker), whose fills go back to the strategies and into a {@link BacktestReport} (report.json, report.html);
 * everything is written to {@link StrategyFiles}. Nothing when the request has no strategy settings.
 *
 * <p>Order of events, as in the live pipeline: each trade reaches the executor before the aggregation (live, the
 * candle it closes still has two hops to go); a candle's signals reach the executor once the strategies have run on
 * it, and their fills reach the strategies before the next candle.
 */
final class StrategyRun implements Closeable {
    static final String REPORT_JSON = "report.json";
    static final String REPORT_HTML = "report.html";

    private final StrategyReplay replay;
    private final ExecutorReplay executor;
    private final List<Signal> pending;
    private final StrategyFiles files;
    private final BacktestReport report;
    private final String intervalName;
    private final Path outDir;

    private StrategyRun(StrategyReplay replay, ExecutorReplay executor, List<Signal> pending, StrategyFiles files, BacktestReport report,
                        String intervalName, Path outDir) {
        this.replay = replay;
        this.executor = executor;
        this.pending = pending;
        this.files = files;
        this.report = report;
        this.intervalName = intervalName;
        this.outDir = outDir;
    }

    /**
     * @param settings  the strategies, or null for none; {@code serdeConfig} replaces theirs
     * @param execution the executor's settings (paper broker); {@code serdeConfig} replaces theirs
     */
    static StrategyRun open(StrategySettings settings, ExecutorSettings execution, Account account, String symbol,
                            Map<String, Object> serdeConfig, Path outDir, Path stateDir) throws IOException {
        if (settings == null) {
            return new StrategyRun(null, null, null, null, null, null, outDir);
        }
        ExecutorSettings ownExecution = new ExecutorSettings(execution.topics(), ExecutorSettings.BROKER_PAPER, execution.orderType(),
                execution.limitOffsetBps(), execution.timeInForce(), execution.limitExpiry(), execution.sizing(), execution.risk(),
                execution.paperFeeRate(), execution.paperSlippageBps(), execution.paperFilters(), execution.refreshInterval(), serdeConfig);
        StrategySettings own = new StrategySettings(settings.topics(), settings.interval(), settings.instances(), serdeConfig);
        BacktestReport report = new BacktestReport(symbol, settings.instances().stream().map(StrategyInstance::name).toList(), account,
                settings.interval().length());
        StrategyFiles files = StrategyFiles.open(outDir);
        List<Signal> pending = new ArrayList<>();
        StrategySink sink = new StrategySink() {
            @Override
            public void indicators(IndicatorSnapshot snapshot) throws IOException {
                files.indicators(snapshot);
            }

            @Override
            public void signal(Signal signal) throws IOException {
                files.signal(signal);
                pending.add(signal);
            }
        };
        StrategyReplay replay = null;
        try {
            replay = new StrategyReplay(own, stateDir.resolve("strategy"), sink);
            ExecutorReplay executor = new ExecutorReplay(ownExecution, stateDir.resolve("executor"), files);
            return new StrategyRun(replay, executor, pending, files, report, settings.interval().name(), outDir);
        } catch (RuntimeException e) {
            if (replay != null) {
                replay.close();
            }
            files.close();
            throw e;
        }
    }

    /**
     * Runs the strategies on a candle of their interval, its signals through the executor, their fills back to the
     * strategies and into the accounts, then marks the accounts to the candle's close; ignores other intervals.
     */
    void accept(CandleInterval interval, Candle candle) throws IOException {
        if (replay != null && replay.runsOn(interval.name())) {
            replay.accept(candle);
            for (Signal signal : pending) {
                filled(executor.signal(signal));
            }
            pending.clear();
            report.candleClosed(candle.getCloseTime().toEpochMilli(), candle.getClose());
        }
    }

    /** A trade of the input, for the executor (resting LIMIT orders, marks); before the aggregation sees it. */
    void trade(Trade trade) throws IOException {
        if (executor != null) {
            filled(executor.trade(trade));
        }
    }

    /** The executor's fills, back to the strategies (as oms.fills) and into the accounts. */
    private void filled(List<Fill> fills) throws IOException {
        for (Fill fill : fills) {
            replay.fill(fill);
            report.fill(reportFill(fill));
        }
    }

    /** The paper broker charges its fee in the quote asset, the account's currency. */
    private static dev.tickflow.cli.backtest.report.Fill reportFill(Fill fill) {
        return new dev.tickflow.cli.backtest.report.Fill(fill.getStrategyInstance(), fill.getSymbol(), fill.getTradeTime().toEpochMilli(),
                fill.getSide() == OrderSide.BUY ? Side.BUY : Side.SELL, fill.getPrice(), fill.getQuantity(), fill.getCommission());
    }

    /** Commits the files and writes the reports; null when no strategy ran. */
    StrategyResult commit() throws IOException {
        if (replay == null) {
            return null;
        }
        List<Path> written = new ArrayList<>(files.commit());
        written.add(writeAtomically(outDir.resolve(REPORT_JSON), ReportJson.render(report, intervalName)));
        written.add(writeAtomically(outDir.resolve(REPORT_HTML), ReportHtml.render(report, intervalName)));
        return new StrategyResult(replay.candles(), replay.signalCounts(), files.orders(), files.rejectedOrders(), files.fills(),
                report.reports(), written);
    }

    @Override
    public void close() throws IOException {
        if (replay == null) {
            return;
        }
        try {
            replay.close();
        } finally {
            try {
                executor.close();
            } finally {
                files.close();
            }
        }
    }

    private static Path writeAtomically(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
