package dev.tickflow.backtest.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes a sweep's files into the output directory, each through a {@code .partial} file renamed at the end. */
public final class SweepFiles {
    public static final String RANKED = "sweep.csv";
    public static final String SKIPPED = "sweep-skipped.csv";
    public static final String HTML = "sweep.html";
    public static final String HEAT_MAP = "heatmap.svg";
    public static final String WALK_FORWARD = "walk-forward.csv";

    private SweepFiles() {
    }

    /** @return the files written */
    public static List<Path> write(SweepReport report, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        written.add(write(outDir.resolve(RANKED), SweepCsv.ranked(report)));
        if (!report.skipped().isEmpty()) {
            written.add(write(outDir.resolve(SKIPPED), SweepCsv.skipped(report)));
        }
        if (report.heatMap() != null) {
            written.add(write(outDir.resolve(HEAT_MAP), HeatMapSvg.render(report.heatMap())));
        }
        if (!report.folds().isEmpty()) {
            written.add(write(outDir.resolve(WALK_FORWARD), SweepCsv.walkForward(report)));
        }
        written.add(write(outDir.resolve(HTML), SweepHtml.render(report)));
        return written;
    }

    private static Path write(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
