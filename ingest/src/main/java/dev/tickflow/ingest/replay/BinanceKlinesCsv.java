package dev.tickflow.ingest.replay;

import dev.tickflow.schema.Candle;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads Binance klines files lazily, line by line, as {@link Candle}s of one symbol and interval (layouts in
 * {@link BinanceKlineLineParser}). Each file is read in the order given; plain CSV, {@code .zip} (first entry) or
 * {@code .gz}. The first line of a file is a header when its first field is not a number; blank lines and a
 * byte-order mark are ignored. Open times must increase strictly across all files: a kline not after the previous
 * one is a malformed line. Malformed lines fail the read or are skipped and counted, as the
 * {@link MalformedLinePolicy} says.
 */
public final class BinanceKlinesCsv implements Iterator<Candle>, Closeable {
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final List<Path> files;
    private final MalformedLinePolicy policy;
    private final BinanceKlineLineParser parser;
    private final long totalBytes;

    private int fileIndex = -1;
    private BufferedReader reader;
    private CountingInputStream counter;
    private long bytesOfFinishedFiles;
    private long lineNumber;
    private boolean atFirstLine;
    private long lastOpenTime = Long.MIN_VALUE;

    private Candle next;
    private long klinesRead;
    private long skippedLines;
    private final List<String> problems = new ArrayList<>();

    private BinanceKlinesCsv(List<Path> files, BinanceKlineLineParser parser, MalformedLinePolicy policy, long totalBytes) {
        this.files = List.copyOf(files);
        this.parser = parser;
        this.policy = policy;
        this.totalBytes = totalBytes;
    }

    /**
     * Checks the files (they exist, are readable, and their Binance-style names name neither another symbol nor
     * another interval) and prepares to read them; nothing is read before the first
     * {@link #hasNext()}.
     *
     * @param interval the klines' interval in Binance notation ({@code 1m}) and {@code length} its length
     * @throws IllegalArgumentException naming the first file that cannot be read, or a bad symbol
     */
    public static BinanceKlinesCsv open(List<Path> files, String symbol, String interval, Duration length, MalformedLinePolicy policy) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No klines file given");
        }
        String normalized = BinanceTradesCsv.normalizeSymbol(symbol);
        long total = 0;
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("Klines file " + file + " does not exist");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("Klines file " + file + " is not a readable file");
            }
            Optional<String> named = BinanceFileNames.symbolOf(file);
            if (named.isPresent() && !named.get().equals(normalized)) {
                throw new IllegalArgumentException("Klines file " + file + " is named for " + named.get() + ", not " + normalized
                        + ": Binance's files hold no symbol column, so the symbol given must be the file's");
            }
            Optional<String> namedInterval = BinanceFileNames.klineIntervalOf(file);
            if (namedInterval.isPresent() && !namedInterval.get().equals(interval)) {
                throw new IllegalArgumentException("Klines file " + file + " is named for " + namedInterval.get() + " klines, not " + interval);
            }
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + file, e);
            }
        }
        return new BinanceKlinesCsv(files, new BinanceKlineLineParser(normalized, interval, length), policy, total);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Candle next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Candle candle = next;
        next = null;
        klinesRead++;
        return candle;
    }

    public long klinesRead() {
        return klinesRead;
    }

    public long skippedLines() {
        return skippedLines;
    }

    /** The first {@value BinanceTradesCsv#KEPT_PROBLEMS} problems of skipped lines, each naming file and line. */
    public List<String> skippedProblems() {
        return Collections.unmodifiableList(problems);
    }

    /** Bytes read so far from the files (compressed bytes for .zip and .gz). */
    public long bytesRead() {
        return bytesOfFinishedFiles + (counter == null ? 0 : counter.count());
    }

    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() {
        closeCurrent();
        fileIndex = files.size();
    }

    private Candle advance() {
        try {
            while (true) {
                if (reader == null && !openNextFile()) {
                    return null;
                }
                String line = reader.readLine();
                if (line == null) {
                    bytesOfFinishedFiles += counter.count();
                    closeCurrent();
                    continue;
                }
                lineNumber++;
                Candle candle = parseLine(line);
                if (candle != null) {
                    return candle;
                }
            }
        } catch (IOException e) {
            Path file = files.get(fileIndex);
            closeCurrent();
            throw new UncheckedIOException("Cannot read " + file + " (line " + (lineNumber + 1) + "): " + e.getMessage(), e);
        }
    }

    /** The candle of a line, or null for a header, a blank line or a skipped malformed line. */
    private Candle parseLine(String text) {
        String line = atFirstLine && text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        if (line.isBlank()) {
            return null;
        }
        List<String> fields = BinanceTradeLineParser.fields(line);
        boolean first = atFirstLine;
        atFirstLine = false;
        if (first && BinanceTradeLineParser.isHeader(fields)) {
            return null;
        }
        try {
            Candle candle = parser.parse(fields);
            long openTime = candle.getOpenTime().toEpochMilli();
            if (openTime <= lastOpenTime) {
                throw new IllegalArgumentException("open_time " + openTime + " is not after the previous kline's " + lastOpenTime
                        + " (give the files in time order)");
            }
            lastOpenTime = openTime;
            return candle;
        } catch (IllegalArgumentException e) {
            MalformedTradeLineException problem = new MalformedTradeLineException(files.get(fileIndex), lineNumber, e.getMessage());
            if (policy == MalformedLinePolicy.FAIL) {
                close();
                throw problem;
            }
            skippedLines++;
            if (problems.size() < BinanceTradesCsv.KEPT_PROBLEMS) {
                problems.add(problem.getMessage());
            }
            return null;
        }
    }

    private boolean openNextFile() throws IOException {
        if (fileIndex + 1 >= files.size()) {
            fileIndex = files.size();
            return false;
        }
        fileIndex++;
        Path file = files.get(fileIndex);
        counter = new CountingInputStream(Files.newInputStream(file));
        reader = new BufferedReader(new InputStreamReader(BinanceTradesCsv.decompress(file, counter), StandardCharsets.UTF_8), 1 << 16);
        lineNumber = 0;
        atFirstLine = true;
        return true;
    }

    private void closeCurrent() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // a failed close of a read-only stream loses nothing
            }
        }
        reader = null;
        counter = null;
    }
}
