package dev.tickflow.ingest.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads Binance public-data CSV files lazily, line by line, as records made by a {@link BinanceCsvLineParser}.
 *
 * <p>Each file is read in the order given. Files may be plain CSV, a {@code .zip} as Binance publishes them (its first
 * entry is read) or {@code .gz}. A byte-order mark and blank lines are ignored; the first line of a file is a header
 * when its first field is not a number. A malformed line fails the read or is skipped and counted, as the
 * {@link MalformedLinePolicy} says.
 */
public abstract sealed class BinanceCsvReader<T> implements Iterator<T>, Closeable permits BinanceTradesCsv, BinanceKlinesCsv {
    /** How many skipped-line problems are kept for the report. */
    public static final int KEPT_PROBLEMS = 10;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final List<Path> files;
    private final MalformedLinePolicy policy;
    private final BinanceCsvLineParser<T> parser;
    private final long totalBytes;

    private int fileIndex = -1;
    private BufferedReader reader;
    private CountingInputStream counter;
    private long bytesOfFinishedFiles;
    private long lineNumber;
    private boolean atFirstLine;

    private T next;
    private long recordsRead;
    private long skippedLines;
    private final List<String> problems = new ArrayList<>();

    BinanceCsvReader(List<Path> files, MalformedLinePolicy policy, BinanceCsvLineParser<T> parser, long totalBytes) {
        this.files = List.copyOf(files);
        this.policy = policy;
        this.parser = parser;
        this.totalBytes = totalBytes;
    }

    /**
     * Checks that the files exist and are readable and that their Binance-style names do not name another symbol,
     * nor fail {@code checkName}.
     *
     * @param kind {@code Trades} or {@code Klines}, for the messages
     * @return the files' total size in bytes
     * @throws IllegalArgumentException naming the first file that cannot be read
     */
    static long checkFiles(List<Path> files, String kind, String symbol, Consumer<Path> checkName) {
        long total = 0;
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(kind + " file " + file + " does not exist");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(kind + " file " + file + " is not a readable file");
            }
            Optional<String> named = BinanceFileNames.symbolOf(file);
            if (named.isPresent() && !named.get().equals(symbol)) {
                throw new IllegalArgumentException(kind + " file " + file + " is named for " + named.get() + ", not " + symbol
                        + ": Binance's files hold no symbol column, so the symbol given must be the file's");
            }
            checkName.accept(file);
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the size of " + file, e);
            }
        }
        return total;
    }

    /** Upper-cases a symbol and checks it is letters and digits only. */
    public static String normalizeSymbol(String symbol) {
        String upper = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z0-9]{2,30}")) {
            throw new IllegalArgumentException("Symbol '" + symbol + "' is not an exchange symbol such as BTCUSDT");
        }
        return upper;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T record = next;
        next = null;
        recordsRead++;
        return record;
    }

    /** How many records {@link #next()} has returned. */
    public long recordsRead() {
        return recordsRead;
    }

    public long skippedLines() {
        return skippedLines;
    }

    /** The first {@value #KEPT_PROBLEMS} problems of skipped lines, each naming file and line. */
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

    public List<Path> files() {
        return files;
    }

    @Override
    public void close() {
        closeCurrent();
        fileIndex = files.size();
    }

    private T advance() {
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
                T record = parseLine(line);
                if (record != null) {
                    return record;
                }
            }
        } catch (IOException e) {
            Path file = files.get(fileIndex);
            closeCurrent();
            throw new UncheckedIOException("Cannot read " + file + " (line " + (lineNumber + 1) + "): " + e.getMessage(), e);
        }
    }

    /** The record of a line, or null for a header, a blank line or a skipped malformed line. */
    private T parseLine(String text) {
        String line = atFirstLine && text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        if (line.isBlank()) {
            return null;
        }
        List<String> fields = BinanceTradeLineParser.fields(line);
        boolean first = atFirstLine;
        atFirstLine = false;
        try {
            parser.detectLayout(fields);
            if (first && BinanceTradeLineParser.isHeader(fields)) {
                return null;
            }
            return parser.parse(fields);
        } catch (IllegalArgumentException e) {
            MalformedTradeLineException problem = new MalformedTradeLineException(files.get(fileIndex), lineNumber, e.getMessage());
            if (policy == MalformedLinePolicy.FAIL) {
                close();
                throw problem;
            }
            skippedLines++;
            if (problems.size() < KEPT_PROBLEMS) {
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
        reader = new BufferedReader(new InputStreamReader(decompress(file, counter), StandardCharsets.UTF_8), 1 << 16);
        lineNumber = 0;
        atFirstLine = true;
        parser.startFile();
        return true;
    }

    static InputStream decompress(Path file, InputStream raw) throws IOException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(buffered, 1 << 16);
        }
        if (name.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(buffered);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    return zip;
                }
            }
            zip.close();
            throw new IOException("the zip archive holds no file");
        }
        return buffered;
    }

    private void closeCurrent() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close of a read-only stream loses nothing
            }
        }
        reader = null;
        counter = null;
    }
}
