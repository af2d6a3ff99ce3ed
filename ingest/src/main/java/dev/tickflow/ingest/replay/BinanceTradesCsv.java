package dev.tickflow.ingest.replay;

import dev.tickflow.schema.Trade;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Binance public-data trade files lazily, line by line, as {@link Trade} records of one symbol.
 *
 * <p>Files, decompression, header, blank lines and malformed lines are handled as {@link BinanceCsvReader} says. Per
 * file, the layout (aggTrades: 8 columns, trades: 7) is told by the column count of its first line. The reader does
 * not reorder trades.
 */
public final class BinanceTradesCsv extends BinanceCsvReader<Trade> {

    private BinanceTradesCsv(List<Path> files, String symbol, MalformedLinePolicy policy, long totalBytes) {
        super(files, policy, new TradeLines(new BinanceTradeLineParser(symbol)), totalBytes);
    }

    /**
     * Checks the files (they exist, are readable, and their Binance-style names do not name another symbol)
     * and prepares to read them; nothing is read before the first {@link #hasNext()}.
     *
     * @throws IllegalArgumentException naming the first file that cannot be read, or a bad symbol
     */
    public static BinanceTradesCsv open(List<Path> files, String symbol, MalformedLinePolicy policy) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No trades file given");
        }
        String normalized = normalizeSymbol(symbol);
        long total = checkFiles(files, "Trades", normalized, file -> { });
        return new BinanceTradesCsv(files, normalized, policy, total);
    }

    public long tradesRead() {
        return recordsRead();
    }

    /** The lines of one file, in the layout its first line tells. */
    private static final class TradeLines implements BinanceCsvLineParser<Trade> {
        private final BinanceTradeLineParser parser;
        private BinanceCsvLayout layout;

        TradeLines(BinanceTradeLineParser parser) {
            this.parser = parser;
        }

        @Override
        public void startFile() {
            layout = null;
        }

        @Override
        public void detectLayout(List<String> fields) {
            if (layout == null) {
                layout = BinanceCsvLayout.ofColumnCount(fields.size()).orElseThrow(() -> new IllegalArgumentException(
                        "expected 8 columns (aggTrades) or 7 (trades), found " + fields.size()));
            }
        }

        @Override
        public Trade parse(List<String> fields) {
            return parser.parse(fields, layout);
        }
    }
}
