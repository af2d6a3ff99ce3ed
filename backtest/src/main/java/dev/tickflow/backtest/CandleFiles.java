package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code candles-<interval>.csv} per interval in a directory. Rows go to a {@code .partial} file first;
 * {@link #commit()} moves them into place, so a failed run never leaves a candle file that looks complete.
 */
final class CandleFiles implements Closeable {
    private final Map<CandleInterval, CandleCsvWriter> writers = new LinkedHashMap<>();
    private final Map<CandleInterval, Path> partial = new LinkedHashMap<>();
    private final Map<CandleInterval, Path> target = new LinkedHashMap<>();
    private boolean committed;

    private CandleFiles() {
    }

    static String fileName(CandleInterval interval) {
        return "candles-" + interval.name() + ".csv";
    }

    static CandleFiles open(Path dir, List<CandleInterval> intervals) throws IOException {
        CandleFiles files = new CandleFiles();
        try {
            for (CandleInterval interval : intervals) {
                Path file = dir.resolve(fileName(interval));
                Path temporary = dir.resolve(fileName(interval) + ".partial");
                files.target.put(interval, file);
                files.partial.put(interval, temporary);
                files.writers.put(interval, new CandleCsvWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
        return files;
    }

    void write(CandleInterval interval, Candle candle) throws IOException {
        CandleCsvWriter writer = writers.get(interval);
        if (writer == null) {
            throw new IllegalStateException("No candle file for interval " + interval);
        }
        writer.write(candle);
    }

    /** Closes every file and moves it to its final name; returns the files by interval. */
    Map<CandleInterval, Path> commit() throws IOException {
        for (CandleCsvWriter writer : writers.values()) {
            writer.close();
        }
        for (Map.Entry<CandleInterval, Path> entry : partial.entrySet()) {
            Files.move(entry.getValue(), target.get(entry.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        return new LinkedHashMap<>(target);
    }

    /** Closes the files; without a commit, deletes them. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        for (CandleCsvWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
        }
        for (Path file : partial.values()) {
            Files.deleteIfExists(file);
        }
    }
}
