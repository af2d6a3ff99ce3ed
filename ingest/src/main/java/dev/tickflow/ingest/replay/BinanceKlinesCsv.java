package dev.tickflow.ingest.replay;

import dev.tickflow.schema.Candle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads Binance klines files lazily, line by line, as {@link Candle}s of one symbol and interval (layouts in
 * {@link BinanceKlineLineParser}). Files, decompression, header, blank lines, byte-order mark and malformed lines are
 * handled as {@link BinanceCsvReader} says. Open times must increase strictly across all files: a kline not after the
 * previous one is a malformed line.
 */
public final class BinanceKlinesCsv extends BinanceCsvReader<Candle> {

    private BinanceKlinesCsv(List<Path> files, BinanceKlineLineParser parser, MalformedLinePolicy policy, long totalBytes) {
        super(files, policy, new KlineLines(parser), totalBytes);
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
        String normalized = normalizeSymbol(symbol);
        long total = checkFiles(files, "Klines", normalized, file -> {
            Optional<String> namedInterval = BinanceFileNames.klineIntervalOf(file);
            if (namedInterval.isPresent() && !namedInterval.get().equals(interval)) {
                throw new IllegalArgumentException("Klines file " + file + " is named for " + namedInterval.get() + " klines, not " + interval);
            }
        });
        return new BinanceKlinesCsv(files, new BinanceKlineLineParser(normalized, interval, length), policy, total);
    }

    public long klinesRead() {
        return recordsRead();
    }

    /** Klines in strictly increasing open time, across all files. */
    private static final class KlineLines implements BinanceCsvLineParser<Candle> {
        private final BinanceKlineLineParser parser;
        private long lastOpenTime = Long.MIN_VALUE;

        KlineLines(BinanceKlineLineParser parser) {
            this.parser = parser;
        }

        @Override
        public Candle parse(List<String> fields) {
            Candle candle = parser.parse(fields);
            long openTime = candle.getOpenTime().toEpochMilli();
            if (openTime <= lastOpenTime) {
                throw new IllegalArgumentException("open_time " + openTime + " is not after the previous kline's " + lastOpenTime
                        + " (give the files in time order)");
            }
            lastOpenTime = openTime;
            return candle;
        }
    }
}
