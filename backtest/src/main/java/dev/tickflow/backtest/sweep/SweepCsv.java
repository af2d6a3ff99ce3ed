package dev.tickflow.backtest.sweep;

import java.util.ArrayList;
import java.util.List;

/** The sweep's CSV files: the ranked table, the skipped sets, the walk-forward folds. */
final class SweepCsv {
    private SweepCsv() {
    }

    static String ranked(SweepReport report) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("rank"));
        header.addAll(report.grid().names());
        header.addAll(MetricText.COLUMNS);
        line(csv, header);
        int rank = 1;
        for (SweepRun run : report.ranked()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(rank++)));
            row.addAll(run.set().values().values());
            row.addAll(MetricText.columns(run.metrics()));
            line(csv, row);
        }
        return csv.toString();
    }

    static String skipped(SweepReport report) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(report.grid().names());
        header.add("reason");
        line(csv, header);
        for (SkippedSet skipped : report.skipped()) {
            List<String> row = new ArrayList<>(skipped.set().values().values());
            row.add(skipped.reason());
            line(csv, row);
        }
        return csv.toString();
    }

    static String walkForward(SweepReport report) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("fold", "in_sample_from", "out_of_sample_from", "out_of_sample_to", "in_sample_candles",
                "out_of_sample_candles"));
        header.addAll(report.grid().names());
        MetricText.COLUMNS.forEach(c -> header.add("in_" + c));
        MetricText.COLUMNS.forEach(c -> header.add("out_" + c));
        line(csv, header);
        for (FoldResult fold : report.folds()) {
            WalkForward.Fold f = fold.fold();
            List<String> row = new ArrayList<>(List.of(Integer.toString(f.number()), MetricText.time(fold.inSampleFrom()),
                    MetricText.time(fold.outOfSampleFrom()), MetricText.time(fold.outOfSampleTo()), Integer.toString(f.inSampleEnd() - f.inSampleStart()),
                    Integer.toString(f.outOfSampleEnd() - f.outOfSampleStart())));
            row.addAll(fold.best().values().values());
            row.addAll(MetricText.columns(fold.inSample()));
            row.addAll(MetricText.columns(fold.outOfSample()));
            line(csv, row);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            csv.append(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        csv.append('\n');
    }
}
