package dev.tickflow.cli.backtest;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.schema.Trade;
import dev.tickflow.serde.MockSchemaRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Runs a backtest offline: reads the trade files, replays them through the candle topology in a
 * {@link CandleReplay} (no broker, an in-memory {@code mock://} registry private to the run) and writes
 * one kline CSV per interval. Later stages (strategies, execution, reports) hook in here, after the candles.
 */
public final class BacktestRunner {
    private final CandleTopology topology;
    private final PrintWriter progressOut;
    private final LongSupplier nanoTime;

    public BacktestRunner(CandleTopology topology, PrintWriter progressOut) {
        this(topology, progressOut, System::nanoTime);
    }

    BacktestRunner(CandleTopology topology, PrintWriter progressOut, LongSupplier nanoTime) {
        this.topology = topology;
        this.progressOut = progressOut;
        this.nanoTime = nanoTime;
    }

    /**
     * @throws BacktestException       when the output directory is unusable, no trade was read, or reading fails
     * @throws IllegalArgumentException for a missing input file or a malformed line (with the fail policy)
     */
    public BacktestResult run(BacktestRequest request) {
        Progress progress = new Progress(progressOut, request.progressEvery(), nanoTime);
        String scope = "backtest-" + UUID.randomUUID();
        AggregateSettings settings = new AggregateSettings(request.topics(), request.grace(), true,
                Map.of(ConfigKeys.SCHEMA_REGISTRY_URL, "mock://" + scope));
        try (BinanceTradesCsv reader = BinanceTradesCsv.open(request.tradeFiles(), request.symbol(), request.malformed())) {
            Path outDir = prepareOutputDir(request.outDir());
            Path stateDir = createStateDir(outDir);
            try (CandleFiles files = CandleFiles.open(outDir, request.topics().candleIntervals())) {
                ReplayResult replay = new CandleReplay(topology, settings, stateDir).run(reporting(reader, progress), files::write);
                if (replay.trades() == 0) {
                    throw new BacktestException("No trades for " + BinanceTradesCsv.normalizeSymbol(request.symbol()) + " in "
                            + request.tradeFiles() + (reader.skippedLines() > 0 ? " (" + reader.skippedLines()
                            + " malformed lines skipped, first: " + reader.skippedProblems().get(0) + ")" : ""));
                }
                return new BacktestResult(replay, files.commit(), reader.skippedLines(), reader.skippedProblems(), progress.elapsed());
            } finally {
                deleteRecursively(stateDir);
            }
        } catch (IOException e) {
            throw new BacktestException("Cannot write the candles to " + request.outDir() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BacktestException(e.getMessage(), e);
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    private static Iterator<Trade> reporting(BinanceTradesCsv reader, Progress progress) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public Trade next() {
                Trade trade = reader.next();
                progress.tradeRead(reader.tradesRead(), reader.bytesRead(), reader.totalBytes());
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

    private static Path createStateDir(Path outDir) {
        try {
            return Files.createTempDirectory(outDir, ".tickflow-state-");
        } catch (IOException e) {
            throw new BacktestException("Output directory " + outDir + " is not writable: " + reason(e), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // leftover state of a finished run is harmless
        }
    }
}
