package dev.tickflow.backtest;

import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.schema.Trade;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One symbol's trades, its files read in the order given, each file from the {@link TradeCache} when it holds the file
 * as it is now, else parsed by {@link BinanceTradesCsv} (and written to the cache on the way when the cache is on and
 * no line of the file was skipped).
 */
final class SymbolTrades implements Iterator<Trade>, Closeable {
    private final String symbol;
    private final List<Path> files;
    private final long[] sizes;
    private final long totalBytes;
    private final MalformedLinePolicy policy;
    private final TradeCache cache;

    private int fileIndex = -1;
    private Iterator<Trade> current;
    private BinanceTradesCsv parsed;
    private CachedTrades cached;
    private CachedTrades.Writer writer;
    private long bytesOfFinishedFiles;
    private long tradesRead;
    private long skippedLines;
    private final List<String> problems = new ArrayList<>();

    private SymbolTrades(String symbol, List<Path> files, long[] sizes, long totalBytes, MalformedLinePolicy policy, TradeCache cache) {
        this.symbol = symbol;
        this.files = files;
        this.sizes = sizes;
        this.totalBytes = totalBytes;
        this.policy = policy;
        this.cache = cache;
    }

    /**
     * Checks every file as {@link BinanceTradesCsv#open} does; nothing is read before the first {@link #hasNext()}.
     *
     * @throws IllegalArgumentException naming the first file that cannot be read, or a bad symbol
     */
    static SymbolTrades open(String symbol, List<Path> files, MalformedLinePolicy policy, TradeCache cache) {
        long totalBytes;
        try (BinanceTradesCsv checked = BinanceTradesCsv.open(files, symbol, policy)) {
            totalBytes = checked.totalBytes();
        }
        long[] sizes = new long[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + files.get(i), e);
            }
        }
        return new SymbolTrades(BinanceTradesCsv.normalizeSymbol(symbol), List.copyOf(files), sizes, totalBytes, policy, cache);
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext()) {
            finishFile();
            if (!openNextFile()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Trade next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Trade trade = current.next();
        tradesRead++;
        if (writer != null) {
            try {
                writer.add(trade);
            } catch (IOException e) {
                abandonWriter();
            }
        }
        return trade;
    }

    String symbol() {
        return symbol;
    }

    long tradesRead() {
        return tradesRead;
    }

    long totalBytes() {
        return totalBytes;
    }

    /** Bytes of the files read so far (compressed bytes for .zip and .gz); for a cached file, its share read. */
    long bytesRead() {
        if (parsed != null) {
            return bytesOfFinishedFiles + parsed.bytesRead();
        }
        return bytesOfFinishedFiles + (cached == null ? 0 : cached.sourceBytesRead(sizes[fileIndex]));
    }

    long skippedLines() {
        return skippedLines + (parsed == null ? 0 : parsed.skippedLines());
    }

    /** The first {@value BinanceTradesCsv#KEPT_PROBLEMS} problems of skipped lines, each naming file and line. */
    List<String> skippedProblems() {
        List<String> all = new ArrayList<>(problems);
        if (parsed != null) {
            all.addAll(parsed.skippedProblems());
        }
        return Collections.unmodifiableList(all.subList(0, Math.min(all.size(), BinanceTradesCsv.KEPT_PROBLEMS)));
    }

    private boolean openNextFile() {
        if (fileIndex + 1 >= files.size()) {
            fileIndex = files.size();
            return false;
        }
        fileIndex++;
        Path file = files.get(fileIndex);
        if (cache.enabled()) {
            TradeCache.Entry entry;
            try {
                entry = cache.entry(file, symbol);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            Optional<CachedTrades> hit = entry.open();
            if (hit.isPresent()) {
                cache.countHit();
                cached = hit.get();
                current = cached;
                return true;
            }
            try {
                writer = CachedTrades.Writer.create(entry);
            } catch (IOException e) {
                writer = null; // no cache entry this time; the run does not depend on it
            }
        }
        parsed = BinanceTradesCsv.open(List.of(file), symbol, policy);
        current = parsed;
        return true;
    }

    /** Ends the file just read: its counts kept, its cache entry committed if it was written whole. */
    private void finishFile() {
        if (current == null) {
            return;
        }
        bytesOfFinishedFiles += sizes[fileIndex];
        if (parsed != null) {
            skippedLines += parsed.skippedLines();
            problems.addAll(parsed.skippedProblems());
            if (writer != null && parsed.skippedLines() == 0) {
                try {
                    if (writer.commit()) {
                        cache.countWrite();
                    }
                } catch (IOException e) {
                    // the entry is not written; the next run parses the file again
                }
            }
        }
        closeFile();
    }

    private void abandonWriter() {
        try {
            writer.close();
        } catch (IOException ignored) {
            // a temporary file left behind is never read: entries are only ever moved into place whole
        }
        writer = null;
    }

    private void closeFile() {
        if (writer != null) {
            abandonWriter();
        }
        if (parsed != null) {
            parsed.close();
        }
        if (cached != null) {
            cached.close();
        }
        parsed = null;
        cached = null;
        current = null;
    }

    @Override
    public void close() {
        closeFile();
        fileIndex = files.size();
    }
}
