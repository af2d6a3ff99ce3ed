package dev.tickflow.backtest;

import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.schema.Trade;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SortedMap;

/**
 * One timeline of the trades of several symbols: a k-way merge of one reader per symbol by trade time, ties broken by
 * symbol, then trade id. A symbol's own trades keep the order of its files (a trade earlier than the one before it
 * stays after it, as the aggregation would see it live); with one symbol this is that reader's order.
 */
final class MergedTrades implements Iterator<Trade>, Closeable {
    static final Comparator<Trade> TIMELINE = Comparator.comparing((Trade trade) -> trade.getTradeTime())
            .thenComparing(Trade::getSymbol).thenComparingLong(Trade::getTradeId);

    private final List<SymbolTrades> readers;
    private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::trade, TIMELINE));
    /** The only reader when there is one symbol: no merge needed. */
    private final SymbolTrades single;
    private long tradesRead;
    private boolean started;

    private record Head(Trade trade, SymbolTrades reader) {
    }

    private MergedTrades(List<SymbolTrades> readers) {
        this.readers = readers;
        this.single = readers.size() == 1 ? readers.get(0) : null;
    }

    /**
     * Opens one reader per symbol, each reading its files from the cache where it holds them; checks every file first.
     *
     * @throws IllegalArgumentException for a file that cannot be read or is named for another symbol
     */
    static MergedTrades open(SortedMap<String, List<Path>> filesBySymbol, MalformedLinePolicy policy, TradeCache cache) {
        List<SymbolTrades> readers = new ArrayList<>();
        try {
            filesBySymbol.forEach((symbol, files) -> readers.add(SymbolTrades.open(symbol, files, policy, cache)));
        } catch (RuntimeException e) {
            readers.forEach(SymbolTrades::close);
            throw e;
        }
        return new MergedTrades(readers);
    }

    @Override
    public boolean hasNext() {
        if (single != null) {
            return single.hasNext();
        }
        if (!started) {
            started = true;
            readers.forEach(this::takeHead);
        }
        return !heads.isEmpty();
    }

    @Override
    public Trade next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        tradesRead++;
        if (single != null) {
            return single.next();
        }
        Head head = heads.poll();
        takeHead(head.reader());
        return head.trade();
    }

    private void takeHead(SymbolTrades reader) {
        if (reader.hasNext()) {
            heads.add(new Head(reader.next(), reader));
        }
    }

    long tradesRead() {
        return tradesRead;
    }

    /** Trades read per symbol, symbols in alphabetical order. */
    Map<String, Long> tradesBySymbol() {
        Map<String, Long> bySymbol = new LinkedHashMap<>();
        readers.forEach(reader -> bySymbol.put(reader.symbol(), reader.tradesRead() - (isHead(reader) ? 1 : 0)));
        return bySymbol;
    }

    /** Whether the reader's latest trade waits in the merge, read from the file but not yet handed on. */
    private boolean isHead(SymbolTrades reader) {
        return single == null && heads.stream().anyMatch(head -> head.reader() == reader);
    }

    long bytesRead() {
        long bytes = 0;
        for (SymbolTrades reader : readers) {
            bytes += reader.bytesRead();
        }
        return bytes;
    }

    long totalBytes() {
        long bytes = 0;
        for (SymbolTrades reader : readers) {
            bytes += reader.totalBytes();
        }
        return bytes;
    }

    long skippedLines() {
        return readers.stream().mapToLong(SymbolTrades::skippedLines).sum();
    }

    /** The first few malformed lines skipped, of the first symbols that had any. */
    List<String> skippedProblems() {
        List<String> problems = new ArrayList<>();
        readers.forEach(reader -> problems.addAll(reader.skippedProblems()));
        return problems.subList(0, Math.min(problems.size(), BinanceTradesCsv.KEPT_PROBLEMS));
    }

    @Override
    public void close() {
        readers.forEach(SymbolTrades::close);
    }
}
