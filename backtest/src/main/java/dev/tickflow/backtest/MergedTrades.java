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

    private final List<BinanceTradesCsv> readers;
    private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::trade, TIMELINE));
    private final Map<String, Long> tradesBySymbol = new LinkedHashMap<>();
    private long tradesRead;
    private boolean started;

    private record Head(Trade trade, BinanceTradesCsv reader) {
    }

    private MergedTrades(List<BinanceTradesCsv> readers) {
        this.readers = readers;
    }

    /**
     * Opens one reader per symbol; checks every file first.
     *
     * @throws IllegalArgumentException for a file that cannot be read or is named for another symbol
     */
    static MergedTrades open(SortedMap<String, List<Path>> filesBySymbol, MalformedLinePolicy policy) {
        List<BinanceTradesCsv> readers = new ArrayList<>();
        try {
            filesBySymbol.forEach((symbol, files) -> readers.add(BinanceTradesCsv.open(files, symbol, policy)));
        } catch (RuntimeException e) {
            readers.forEach(BinanceTradesCsv::close);
            throw e;
        }
        MergedTrades merged = new MergedTrades(readers);
        filesBySymbol.keySet().forEach(symbol -> merged.tradesBySymbol.put(symbol, 0L));
        return merged;
    }

    @Override
    public boolean hasNext() {
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
        Head head = heads.poll();
        takeHead(head.reader());
        tradesRead++;
        tradesBySymbol.merge(head.trade().getSymbol(), 1L, Long::sum);
        return head.trade();
    }

    private void takeHead(BinanceTradesCsv reader) {
        if (reader.hasNext()) {
            heads.add(new Head(reader.next(), reader));
        }
    }

    long tradesRead() {
        return tradesRead;
    }

    /** Trades read per symbol, symbols in alphabetical order. */
    Map<String, Long> tradesBySymbol() {
        return tradesBySymbol;
    }

    long bytesRead() {
        return readers.stream().mapToLong(BinanceTradesCsv::bytesRead).sum();
    }

    long totalBytes() {
        return readers.stream().mapToLong(BinanceTradesCsv::totalBytes).sum();
    }

    long skippedLines() {
        return readers.stream().mapToLong(BinanceTradesCsv::skippedLines).sum();
    }

    /** The first few malformed lines skipped, of the first symbols that had any. */
    List<String> skippedProblems() {
        List<String> problems = new ArrayList<>();
        readers.forEach(reader -> problems.addAll(reader.skippedProblems()));
        return problems.subList(0, Math.min(problems.size(), BinanceTradesCsv.KEPT_PROBLEMS));
    }

    @Override
    public void close() {
        readers.forEach(BinanceTradesCsv::close);
    }
}
