package dev.tickflow.backtest;

import dev.tickflow.ingest.replay.BinanceFileNames;
import dev.tickflow.ingest.replay.BinanceKlinesCsv;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.ingest.replay.MalformedTradeLineException;
import dev.tickflow.schema.Trade;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Runs a backtest offline, on one thread, through the services' own domain code ({@link InMemoryEngine}). From trades:
 * aggregates them into candles, writes one kline CSV per interval and runs the strategies on the candles of their
 * interval as they come out. From klines: runs the strategies on them directly. The strategies' signals go through the
 * executor with the paper broker; indicators.csv, signals.csv, orders.csv, fills.csv and the report are written.
 */
public final class BacktestRunner {
    private final BacktestEngine engine;
    private final PrintWriter progressOut;
    private final LongSupplier nanoTime;
    private final boolean terminal;
    private final TradeCache tradeCache;

    /** Progress as periodic lines. */
    public BacktestRunner(PrintWriter progressOut) {
        this(progressOut, false);
    }

    /** @param terminal whether progressOut is a terminal: progress is then one line, redrawn */
    public BacktestRunner(PrintWriter progressOut, boolean terminal) {
        this(InMemoryEngine.INSTANCE, progressOut, System::nanoTime, terminal);
    }

    BacktestRunner(BacktestEngine engine, PrintWriter progressOut, LongSupplier nanoTime) {
        this(engine, progressOut, nanoTime, false);
    }

    BacktestRunner(BacktestEngine engine, PrintWriter progressOut, LongSupplier nanoTime, boolean terminal) {
        this(engine, progressOut, nanoTime, terminal, TradeCache.NONE);
    }

    private BacktestRunner(BacktestEngine engine, PrintWriter progressOut, LongSupplier nanoTime, boolean terminal, TradeCache tradeCache) {
        this.engine = engine;
        this.progressOut = progressOut;
        this.nanoTime = nanoTime;
        this.terminal = terminal;
        this.tradeCache = tradeCache;
    }

    /** This runner reading trade files from {@code cache} where it holds them, and writing to it those it does not. */
    public BacktestRunner withTradeCache(TradeCache cache) {
        return new BacktestRunner(engine, progressOut, nanoTime, terminal, cache);
    }

    /**
     * @throws BacktestException       when the output directory is unusable, no trade or kline was read, or reading fails
     * @throws BacktestException       for a malformed line (with the fail policy), naming file, line and what to do
     * @throws IllegalArgumentException for a missing input file, or one whose symbol is neither given nor in its name
     */
    public BacktestResult run(BacktestRequest request) {
        try {
            return request.input() == BacktestRequest.Input.KLINES ? runKlines(request) : runTrades(request);
        } catch (IOException e) {
            throw new BacktestException("Cannot write the output files to " + request.outDir() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BacktestException(e.getMessage(), e);
        } catch (MalformedTradeLineException e) {
            throw new BacktestException(e.getMessage() + ". Fix or remove that line, or skip and count such lines with --skip-malformed "
                    + "(MalformedLinePolicy.SKIP)", e);
        }
    }

    /**
     * Trades into the aggregation, the symbols' files merged into one timeline; the strategies, if any, run on its
     * candles as they come out.
     */
    private BacktestResult runTrades(BacktestRequest request) throws IOException {
        SortedMap<String, List<Path>> filesBySymbol = TradeInputs.bySymbol(request.files(), request.symbol());
        List<String> symbols = List.copyOf(filesBySymbol.keySet());
        try (MergedTrades reader = MergedTrades.open(filesBySymbol, request.malformed(), tradeCache)) {
            Progress progress = new Progress(progressOut, request.progressEvery(), nanoTime, "trades", reader.totalBytes(), terminal);
            Path outDir = prepareOutputDir(request.outDir());
            try (SymbolCandleFiles files = SymbolCandleFiles.open(outDir, symbols, request.topics().candleIntervals());
                 StrategyRun strategy = StrategyRun.open(engine, request.strategy(), request.executor(), request.account(), symbols, outDir)) {
                CandleSink sink = (interval, candle) -> {
                    files.write(interval, candle);
                    if (strategy != null) {
                        strategy.accept(interval, candle);
                    }
                };
                ReplayResult replay = engine.candles(request.topics(), request.grace()).run(reporting(reader, progress, strategy), sink);
                progress.finished(reader.tradesRead(), reader.bytesRead());
                if (replay.trades() == 0) {
                    throw new BacktestException("No trades for " + String.join(", ", symbols) + " in " + request.files()
                            + skipped(reader.skippedLines(), reader.skippedProblems()));
                }
                Map<String, Map<CandleInterval, Path>> candleFiles = files.commit();
                return new BacktestResult(replay, candleFiles, reader.tradesBySymbol(),
                        strategy == null ? null : strategy.commit(reader.tradesBySymbol()), 0, reader.skippedLines(),
                        reader.skippedProblems(), progress.elapsed());
            }
        }
    }

    /** Klines straight into the strategies. */
    private BacktestResult runKlines(BacktestRequest request) throws IOException {
        CandleInterval interval = request.strategy().interval();
        String symbol = klinesSymbol(request);
        try (BinanceKlinesCsv reader = BinanceKlinesCsv.open(request.files(), symbol, interval.name(), interval.length(),
                request.malformed())) {
            Progress progress = new Progress(progressOut, request.progressEvery(), nanoTime, "klines", reader.totalBytes(), terminal);
            Path outDir = prepareOutputDir(request.outDir());
            try (StrategyRun strategy = StrategyRun.open(engine, request.strategy(), request.executor(), request.account(),
                         List.of(BinanceTradesCsv.normalizeSymbol(symbol)), outDir)) {
                while (reader.hasNext()) {
                    strategy.accept(interval, reader.next());
                    progress.read(reader.klinesRead(), reader.bytesRead());
                }
                progress.finished(reader.klinesRead(), reader.bytesRead());
                if (reader.klinesRead() == 0) {
                    throw new BacktestException("No klines in " + request.files() + skipped(reader.skippedLines(), reader.skippedProblems()));
                }
                return new BacktestResult(null, Map.of(), Map.of(), strategy.commit(Map.of()), reader.klinesRead(), reader.skippedLines(),
                        reader.skippedProblems(), progress.elapsed());
            }
        }
    }

    /** The symbol given, or else the one all the kline files' names give. */
    private static String klinesSymbol(BacktestRequest request) {
        if (request.symbol() != null) {
            return request.symbol();
        }
        Set<String> named = new TreeSet<>();
        for (Path file : request.files()) {
            named.add(BinanceFileNames.symbolOf(file).orElseThrow(() -> new IllegalArgumentException("Cannot tell the symbol of " + file
                    + " from its name (Binance names them SYMBOL-1m-DATE.zip): rename it so or give --symbol")));
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException("The kline files name several symbols " + named + "; a klines backtest takes one: "
                    + "run one per symbol or give trade files");
        }
        return named.iterator().next();
    }

    private static String skipped(long lines, List<String> problems) {
        return lines > 0 ? " (" + lines + " malformed lines skipped, first: " + problems.get(0) + ")" : "";
    }

    /** The trades as read, each handed to the executor first (as live, it has it before the candle it closes). */
    private static Iterator<Trade> reporting(MergedTrades reader, Progress progress, StrategyRun strategy) {
        LongSupplier bytesRead = reader::bytesRead;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public Trade next() {
                Trade trade = reader.next();
                progress.read(reader.tradesRead(), bytesRead);
                if (strategy != null) {
                    try {
                        strategy.trade(trade);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return trade;
            }
        };
    }

    static Path prepareOutputDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BacktestException("Output directory " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BacktestException("Cannot create output directory " + dir + ": " + reason(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new BacktestException("Output directory " + dir + " is not writable");
        }
        return dir;
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a directory";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileSystemException other && other.getReason() != null) {
            return other.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
