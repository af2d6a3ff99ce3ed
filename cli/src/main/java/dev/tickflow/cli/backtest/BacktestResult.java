package dev.tickflow.cli.backtest;

import dev.tickflow.topics.CandleInterval;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a backtest did.
 *
 * @param candleFiles    the file written per interval
 * @param skippedLines   malformed lines skipped (only with the skip policy)
 * @param skippedProblems the first few of them, each naming file and line
 */
public record BacktestResult(ReplayResult replay, Map<CandleInterval, Path> candleFiles, long skippedLines,
                             List<String> skippedProblems, Duration elapsed) {

    /** The closing summary, one fact per line. */
    public List<String> summary() {
        StringBuilder candles = new StringBuilder();
        replay.candles().forEach((interval, count) -> candles.append(candles.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %,d", interval, count)));
        List<String> lines = new java.util.ArrayList<>(List.of(
                String.format(Locale.ROOT, "trades:       %,d", replay.trades()),
                "candles:      " + candles,
                String.format(Locale.ROOT, "elapsed:      %.1f s (%,d trades/s)", elapsed.toMillis() / 1000.0,
                        Progress.perSecond(replay.trades(), elapsed))));
        if (replay.lateTrades() > 0) {
            lines.add(String.format(Locale.ROOT, "late trades:  %,d (after their window closed; in no candle: raise --grace-ms)", replay.lateTrades()));
        }
        if (skippedLines > 0) {
            lines.add(String.format(Locale.ROOT, "skipped:      %,d malformed lines, first: %s", skippedLines, skippedProblems.get(0)));
        }
        candleFiles.forEach((interval, file) -> lines.add("written:      " + file));
        return lines;
    }
}
