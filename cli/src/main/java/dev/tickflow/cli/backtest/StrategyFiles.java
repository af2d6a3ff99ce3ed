package dev.tickflow.cli.backtest;

import dev.tickflow.schema.IndicatorSnapshot;
import dev.tickflow.schema.Signal;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * indicators.csv and signals.csv of one run. Like {@link CandleFiles}, they are written as {@code *.partial} and
 * renamed by {@link #commit()}, so a failed run leaves no file that looks complete.
 */
final class StrategyFiles implements StrategySink, Closeable {
    static final String INDICATORS = "indicators.csv";
    static final String SIGNALS = "signals.csv";

    private final Path indicatorsFile;
    private final Path signalsFile;
    private IndicatorCsvWriter indicators;
    private SignalCsvWriter signals;
    private boolean committed;

    private StrategyFiles(Path dir) {
        this.indicatorsFile = dir.resolve(INDICATORS);
        this.signalsFile = dir.resolve(SIGNALS);
    }

    static StrategyFiles open(Path dir) throws IOException {
        StrategyFiles files = new StrategyFiles(dir);
        try {
            files.indicators = new IndicatorCsvWriter(Files.newBufferedWriter(partial(files.indicatorsFile), StandardCharsets.UTF_8));
            files.signals = new SignalCsvWriter(Files.newBufferedWriter(partial(files.signalsFile), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
        return files;
    }

    @Override
    public void indicators(IndicatorSnapshot snapshot) throws IOException {
        indicators.write(snapshot);
    }

    @Override
    public void signal(Signal signal) throws IOException {
        signals.write(signal);
    }

    /** Closes both files and moves them to their final names; returns them. */
    List<Path> commit() throws IOException {
        indicators.close();
        signals.close();
        for (Path file : List.of(indicatorsFile, signalsFile)) {
            Files.move(partial(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        return List.of(indicatorsFile, signalsFile);
    }

    /** Closes the files; without a commit, deletes them. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        for (Closeable writer : new Closeable[] {indicators, signals}) {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // the file is deleted next
                }
            }
        }
        Files.deleteIfExists(partial(indicatorsFile));
        Files.deleteIfExists(partial(signalsFile));
    }

    private static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }
}
