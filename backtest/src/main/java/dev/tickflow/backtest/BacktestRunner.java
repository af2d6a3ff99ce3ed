package dev.tickflow.backtest;

import dev.tickflow.ingest.replay.BinanceKlinesCsv;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
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

    public BacktestRunner(PrintWriter progressOut) {
        this(InMemoryEngine.INSTANCE, progressOut, System::nanoTime);
    }

    BacktestRunner(BacktestEngine engine, PrintWriter progressOut, LongSupplier nanoTime) {
        this.engine = engine;
        this.progressOut = progressOut;
        this.nanoTime = nanoTime;
    }

    /**
     * @throws BacktestException       when the output directory is unusable, no trade or kline was read, or reading fails
     * @throws IllegalArgumentException for a missing input file or a malformed line (with the fail policy)
     */
    public BacktestResult run(BacktestRequest request) {
        try {
            return request.input() == BacktestRequest.Input.KLINES ? runKlines(request) : runTrades(request);
        } catch (IOException e) {
            throw new BacktestException("Cannot write the output files to " + request.outDir() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BacktestException(e.getMessage(), e);
        }
    }

    /** Trades into the aggregation; the strategies, if any, run on its candles as they come out. */
    private BacktestResult runTrades(BacktestRequest request) throws IOException {
        Progress progress = new Progress(progressOut, request.progressEvery(), nanoTime);
        try (BinanceTradesCsv reader = BinanceTradesCsv.open(request.files(), request.symbol(), request.malformed())) {
            Path outDir = prepareOutputDir(request.outDir());
            try (CandleFiles files = CandleFiles.open(outDir, request.topics().candleIntervals());
                 StrategyRun strategy = StrategyRun.open(engine, request.strategy(), request.executor(), request.account(),
                         BinanceTradesCsv.normalizeSymbol(request.symbol()), outDir)) {
                CandleSink sink = (interval, candle) -> {
                    files.write(interval, candle);
                    if (strategy != null) {
                        strategy.accept(interval, candle);
                    }
                };
                ReplayResult replay = engine.candles(request.topics(), request.grace()).run(reporting(reader, progress, strategy), sink);
                if (replay.trades() == 0) {
                    throw new BacktestException("No trades for " + BinanceTradesCsv.normalizeSymbol(request.symbol()) + " in "
                            + request.files() + skipped(reader.skippedLines(), reader.skippedProblems()));
                }
                Map<CandleInterval, Path> candleFiles = files.commit();
                return new BacktestResult(replay, candleFiles, strategy == null ? null : strategy.commit(), 0, reader.skippedLines(),
                        reader.skippedProblems(), progress.elapsed());
            }
        }
    }

    /** Klines straight into the strategies. */
    private BacktestResult runKlines(BacktestRequest request) throws IOException {
        Progress progress = new Progress(progressOut, request.progressEvery(), nanoTime, "klines");
        CandleInterval interval = request.strategy().interval();
        try (BinanceKlinesCsv reader = BinanceKlinesCsv.open(request.files(), request.symbol(), interval.name(), interval.length(),
                request.malformed())) {
            Path outDir = prepareOutputDir(request.outDir());
            try (StrategyRun strategy = StrategyRun.open(engine, request.strategy(), request.executor(), request.account(),
                         BinanceTradesCsv.normalizeSymbol(request.symbol()), outDir)) {
                while (reader.hasNext()) {
                    strategy.accept(interval, reader.next());
                    progress.tradeRead(reader.klinesRead(), reader.bytesRead(), reader.totalBytes());
                }
                if (reader.klinesRead() == 0) {
                    throw new BacktestException("No klines in " + request.files() + skipped(reader.skippedLines(), reader.skippedProblems()));
                }
                return new BacktestResult(null, Map.of(), strategy.commit(), reader.klinesRead(), reader.skippedLines(),
                        reader.skippedProblems(), progress.elapsed());
            }
        }
    }

    private static String skipped(long lines, List<String> problems) {
        return lines > 0 ? " (" + lines + " malformed lines skipped, first: " + problems.get(0) + ")" : "";
    }

    /** The trades as read, each handed to the executor first (as live, it has it before the candle it closes). */
    private static Iterator<Trade> reporting(BinanceTradesCsv reader, Progress progress, StrategyRun strategy) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public Trade next() {
                Trade trade = reader.next();
                progress.tradeRead(reader.tradesRead(), reader.bytesRead(), reader.totalBytes());
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
