package dev.tickflow.backtest;

import dev.tickflow.backtest.report.InstanceReport;
import dev.tickflow.topics.CandleInterval;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a backtest did.
 *
 * @param replay          what the aggregation made of the trades; null for klines
 * @param candleFilesBySymbol the candle files written per symbol and interval (none for klines)
 * @param tradesBySymbol  trades read per symbol, symbols in alphabetical order (none for klines)
 * @param strategy        what the strategies did; null when none ran
 * @param klines          klines read (klines backtest only)
 * @param skippedLines    malformed lines skipped (only with the skip policy)
 * @param skippedProblems the first few of them, each naming file and line
 */
public record BacktestResult(ReplayResult replay, Map<String, Map<CandleInterval, Path>> candleFilesBySymbol, Map<String, Long> tradesBySymbol,
                             StrategyResult strategy, long klines, long skippedLines, List<String> skippedProblems, Duration elapsed) {

    /** The candle file per interval of a one-symbol run (in the output directory itself); none otherwise. */
    public Map<CandleInterval, Path> candleFiles() {
        return candleFilesBySymbol.size() == 1 ? candleFilesBySymbol.values().iterator().next() : Map.of();
    }

    private boolean severalSymbols() {
        return tradesBySymbol.size() > 1;
    }

    /** The closing summary, one fact per line. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        if (replay != null) {
            StringBuilder candles = new StringBuilder();
            replay.candles().forEach((interval, count) -> candles.append(candles.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %,d", interval, count)));
            StringBuilder perSymbol = new StringBuilder();
            if (severalSymbols()) {
                tradesBySymbol.forEach((symbol, count) -> perSymbol.append(perSymbol.length() == 0 ? " (" : ", ")
                        .append(String.format(Locale.ROOT, "%s %,d", symbol, count)));
                perSymbol.append(')');
            }
            lines.add(String.format(Locale.ROOT, "trades:       %,d", replay.trades()) + perSymbol);
            lines.add("candles:      " + candles);
        } else {
            lines.add(String.format(Locale.ROOT, "klines:       %,d", klines));
        }
        if (strategy != null) {
            StringBuilder signals = new StringBuilder();
            strategy.signals().forEach((instance, count) -> signals.append(signals.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %,d", instance, count)));
            lines.add("signals:      " + signals);
            lines.add(String.format(Locale.ROOT, "orders:       %,d (%,d rejected), fills %,d", strategy.orders(), strategy.rejected(),
                    strategy.fills()));
        }
        long inputs = replay != null ? replay.trades() : klines;
        String unit = replay != null ? "trades" : "klines";
        lines.add(String.format(Locale.ROOT, "elapsed:      %.1f s (%,d %s/s)", elapsed.toMillis() / 1000.0,
                Progress.perSecond(inputs, elapsed), unit));
        if (replay != null && replay.lateTrades() > 0) {
            lines.add(String.format(Locale.ROOT, "late trades:  %,d (after their window closed; in no candle: raise --grace-ms)", replay.lateTrades()));
        }
        if (skippedLines > 0) {
            lines.add(String.format(Locale.ROOT, "skipped:      %,d malformed lines, first: %s", skippedLines, skippedProblems.get(0)));
        }
        if (strategy != null && strategy.reports().size() == 1) {
            List<InstanceReport> reports = strategy.reports().values().iterator().next();
            if (!reports.isEmpty()) {
                lines.addAll(ReportTable.lines(reports));
            }
        } else if (strategy != null) {
            strategy.reports().forEach((symbol, reports) -> {
                lines.add(symbol + ":");
                lines.addAll(ReportTable.lines(reports));
            });
            lines.addAll(ReportTable.portfolioLines(strategy.symbols()));
        }
        candleFilesBySymbol.values().forEach(files -> files.values().forEach(file -> lines.add("written:      " + file)));
        if (strategy != null) {
            strategy.files().forEach(file -> lines.add("written:      " + file));
        }
        return lines;
    }
}
