package dev.tickflow.backtest;

import dev.tickflow.schema.Candle;
import dev.tickflow.topics.CandleInterval;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candle files of a run: with one symbol, {@link CandleFiles} in the output directory itself (Binance's kline files
 * have no symbol column); with several, one {@link CandleFiles} per symbol in {@code DIR/SYMBOL/}.
 */
final class SymbolCandleFiles implements Closeable {
    private final Map<String, CandleFiles> bySymbol = new LinkedHashMap<>();

    private SymbolCandleFiles() {
    }

    static SymbolCandleFiles open(Path outDir, List<String> symbols, List<CandleInterval> intervals) throws IOException {
        SymbolCandleFiles files = new SymbolCandleFiles();
        try {
            for (String symbol : symbols) {
                Path dir = symbols.size() == 1 ? outDir : Files.createDirectories(outDir.resolve(symbol));
                files.bySymbol.put(symbol, CandleFiles.open(dir, intervals));
            }
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
        return files;
    }

    void write(CandleInterval interval, Candle candle) throws IOException {
        CandleFiles files = bySymbol.get(candle.getSymbol());
        if (files == null) {
            throw new IllegalStateException("A candle of " + candle.getSymbol() + ", not a symbol of the input " + bySymbol.keySet());
        }
        files.write(interval, candle);
    }

    /** Commits every symbol's files; returns them by symbol, then interval. */
    Map<String, Map<CandleInterval, Path>> commit() throws IOException {
        Map<String, Map<CandleInterval, Path>> written = new LinkedHashMap<>();
        for (Map.Entry<String, CandleFiles> entry : bySymbol.entrySet()) {
            written.put(entry.getKey(), entry.getValue().commit());
        }
        return written;
    }

    @Override
    public void close() throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (CandleFiles files : bySymbol.values()) {
            try {
                files.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
