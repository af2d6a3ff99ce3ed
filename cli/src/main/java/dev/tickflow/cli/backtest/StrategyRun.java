package dev.tickflow.cli.backtest;

import dev.tickflow.cli.backtest.report.Account;
import dev.tickflow.cli.backtest.report.BacktestReport;
import dev.tickflow.cli.backtest.report.ReportHtml;
import dev.tickflow.cli.backtest.report.ReportJson;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.TargetPosition;
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
 * The strategy part of one backtest: a {@link StrategyReplay} writing to {@link StrategyFiles} and filling its signals
 * into a {@link BacktestReport} (report.json, report.html), or nothing when the request has no strategy settings.
 */
final class StrategyRun implements Closeable {
    static final String REPORT_JSON = "report.json";
    static final String REPORT_HTML = "report.html";

    private final StrategyReplay replay;
    private final StrategyFiles files;
    private final BacktestReport report;
    private final String intervalName;
    private final Path outDir;

    private StrategyRun(StrategyReplay replay, StrategyFiles files, BacktestReport report, String intervalName, Path outDir) {
        this.replay = replay;
        this.files = files;
        this.report = report;
        this.intervalName = intervalName;
        this.outDir = outDir;
    }

    /** @param settings the strategies, or null for none; {@code serdeConfig} replaces theirs */
    static StrategyRun open(StrategySettings settings, Account account, String symbol, Map<String, Object> serdeConfig, Path outDir,
                            Path stateDir) throws IOException {
        if (settings == null) {
            return new StrategyRun(null, null, null, null, outDir);
        }
        StrategySettings own = new StrategySettings(settings.topics(), settings.interval(), settings.instances(), serdeConfig);
        BacktestReport report = new BacktestReport(symbol, settings.instances().stream().map(StrategyInstance::name).toList(), account,
                settings.interval().length());
        StrategyFiles files = StrategyFiles.open(outDir);
        StrategySink sink = new StrategySink() {
            @Override
            public void indicators(IndicatorSnapshot snapshot) throws IOException {
                files.indicators(snapshot);
            }

            @Override
            public void signal(Signal signal) throws IOException {
                files.signal(signal);
                report.signal(signal.getStrategyInstance(), signal.getTarget() == TargetPosition.LONG, signal.getPrice(),
                        signal.getCreatedAt().toEpochMilli());
            }
        };
        try {
            return new StrategyRun(new StrategyReplay(own, stateDir.resolve("strategy"), sink), files, report, settings.interval().name(),
                    outDir);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /** Runs the strategies on a candle of their interval, then marks the accounts to its close; ignores the others. */
    void accept(CandleInterval interval, Candle candle) throws IOException {
        if (replay != null && replay.runsOn(interval.name())) {
            replay.accept(candle);
            report.candleClosed(candle.getCloseTime().toEpochMilli(), candle.getClose());
        }
    }

    /** Commits the files and writes the reports; null when no strategy ran. */
    StrategyResult commit() throws IOException {
        if (replay == null) {
            return null;
        }
        List<Path> written = new ArrayList<>(files.commit());
        written.add(writeAtomically(outDir.resolve(REPORT_JSON), ReportJson.render(report, intervalName)));
        written.add(writeAtomically(outDir.resolve(REPORT_HTML), ReportHtml.render(report, intervalName)));
        return new StrategyResult(replay.candles(), replay.signalCounts(), report.reports(), written);
    }

    @Override
    public void close() throws IOException {
        if (replay == null) {
            return;
        }
        try {
            replay.close();
        } finally {
            files.close();
        }
    }

    private static Path writeAtomically(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
