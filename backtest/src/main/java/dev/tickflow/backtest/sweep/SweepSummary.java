package dev.tickflow.backtest.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lines a sweep prints on stdout: counts, skipped reasons, the top of the ranking, the walk-forward, the files. */
public final class SweepSummary {
    private static final int TOP = 10;

    private SweepSummary() {
    }

    public static List<String> lines(SweepReport report, List<Path> files) {
        List<String> lines = new ArrayList<>();
        double seconds = report.elapsedNanos() / 1e9;
        lines.add(String.format(Locale.ROOT, "sweep:        %s %s (%s), %,d candles from %s to %s (made once)", report.symbol(), report.instance(),
                report.strategyType(), report.candles(), MetricText.time(report.from()), MetricText.time(report.to())));
        lines.add(String.format(Locale.ROOT, "sets:         %,d in the grid, %,d run, %,d skipped; %,d runs in %.1f s (%.1f runs/s)",
                report.grid().size(), report.ranked().size(), report.skipped().size(), report.runs(), seconds,
                seconds > 0 ? report.runs() / seconds : 0));
        for (Map.Entry<String, Integer> reason : report.skippedByReason().entrySet()) {
            lines.add(String.format(Locale.ROOT, "skipped:      %,d x %s", reason.getValue(), reason.getKey()));
        }
        lines.add("ranked by " + report.rankBy().cliName() + " (top " + Math.min(TOP, report.ranked().size()) + "):");
        lines.add(String.format(Locale.ROOT, "%4s  %-32s %16s %10s %10s %12s %6s", "rank", "parameters", "net_pnl", "return", "sharpe", "max_drawdown",
                "trades"));
        for (int i = 0; i < Math.min(TOP, report.ranked().size()); i++) {
            SweepRun run = report.ranked().get(i);
            RunMetrics m = run.metrics();
            lines.add(String.format(Locale.ROOT, "%4d  %-32s %16s %9.2f%% %10s %11.2f%% %6d", i + 1, run.set().label(), m.netPnl().toPlainString(),
                    100 * m.totalReturn(), m.sharpe() == null ? "" : String.format(Locale.ROOT, "%.3f", m.sharpe()), 100 * m.maxDrawdown(), m.trades()));
        }
        if (!report.folds().isEmpty()) {
            lines.add("walk-forward (rolling, " + report.folds().size() + " folds; in-sample vs out-of-sample net PnL):");
            for (FoldResult fold : report.folds()) {
                lines.add(String.format(Locale.ROOT, "fold %2d  %s  in %s -> out %s..%s  %16s  %16s", fold.fold().number(), fold.best().label(),
                        MetricText.time(fold.inSampleFrom()), MetricText.time(fold.outOfSampleFrom()), MetricText.time(fold.outOfSampleTo()),
                        fold.inSample().netPnl().toPlainString(), fold.outOfSample().netPnl().toPlainString()));
            }
            lines.add(String.format(Locale.ROOT, "total    in-sample %s (%d trades), out-of-sample %s (%d trades)", report.inSampleNetPnl().toPlainString(),
                    report.inSampleTrades(), report.outOfSampleNetPnl().toPlainString(), report.outOfSampleTrades()));
        }
        files.forEach(file -> lines.add("wrote:        " + file));
        return lines;
    }
}
