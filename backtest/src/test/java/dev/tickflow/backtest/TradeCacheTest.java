package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.testkit.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeCacheTest {
    private static final String SYMBOL = "SYNUSDT";

    @TempDir
    Path dir;

    @Test
    void aSecondRunReadsTheCacheInsteadOfParsingAndWritesTheSameFiles() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve(SYMBOL + "-aggTrades-2024-03.csv"), 11L, 600, 5_000L);
        assertCachedRunsEqualUncached(trades, SYMBOL);
    }

    @Test
    void theReferenceTradesFromTheCacheGiveTheSameFiles() throws IOException {
        Path reference = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-aggTrades-2019-10-11_13.csv");
        assertCachedRunsEqualUncached(reference, "XRPETH");
    }

    @Test
    void aChangedFileMissesTheCacheAndIsParsedAgain() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve(SYMBOL + "-aggTrades-2024-03.csv"), 12L, 300, 5_000L);
        TradeCache cache = TradeCache.in(dir.resolve("cache"));
        run(trades, SYMBOL, "first", cache);
        String extra = "999999999,1234.5,0.25,999999999,999999999," + (SyntheticTrades.START + 400 * 60_000L) + ",True,True\n";
        Files.writeString(trades, extra, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(trades, FileTime.fromMillis(Files.getLastModifiedTime(trades).toMillis() + 1_000));

        BacktestResult changed = run(trades, SYMBOL, "changed", cache);
        assertThat(cache.filesFromCache()).isZero();
        assertThat(cache.filesCached()).isEqualTo(2);
        run(trades, SYMBOL, "uncached", TradeCache.NONE);
        assertSameFiles(dir.resolve("uncached"), dir.resolve("changed"));
        assertThat(changed.replay().trades()).isEqualTo(run(trades, SYMBOL, "again", cache).replay().trades());
        assertThat(cache.filesFromCache()).isEqualTo(1);
        assertThat(entries(dir.resolve("cache"))).hasSize(2);
    }

    @Test
    void aTouchedFileMissesTheCache() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve(SYMBOL + "-aggTrades-2024-03.csv"), 13L, 120, 5_000L);
        TradeCache cache = TradeCache.in(dir.resolve("cache"));
        run(trades, SYMBOL, "first", cache);
        Files.setLastModifiedTime(trades, FileTime.fromMillis(Files.getLastModifiedTime(trades).toMillis() + 60_000));
        run(trades, SYMBOL, "touched", cache);
        assertThat(cache.filesFromCache()).isZero();
        assertThat(cache.filesCached()).isEqualTo(2);
    }

    @Test
    void aTruncatedOrForeignEntryIsAMissAndIsWrittenAgain() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve(SYMBOL + "-aggTrades-2024-03.csv"), 14L, 120, 5_000L);
        TradeCache cache = TradeCache.in(dir.resolve("cache"));
        run(trades, SYMBOL, "first", cache);
        Path entry = entries(dir.resolve("cache")).get(0);
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, Arrays.copyOf(whole, whole.length - 10));
        run(trades, SYMBOL, "truncated", cache);
        assertThat(cache.filesFromCache()).isZero();
        assertThat(Files.readAllBytes(entry)).isEqualTo(whole);

        Files.write(entry, "not a cache entry".getBytes(StandardCharsets.UTF_8));
        run(trades, SYMBOL, "foreign", cache);
        assertThat(cache.filesFromCache()).isZero();
        assertThat(cache.filesCached()).isEqualTo(3);
        assertSameFiles(dir.resolve("first"), dir.resolve("foreign"));
    }

    @Test
    void aFailedRunLeavesNoEntryAndNoTemporaryFile() throws IOException {
        Path trades = dir.resolve(SYMBOL + "-aggTrades-2024-03.csv");
        Files.writeString(trades, "1,100.5,2,1,1,1709251200000,True,True\n2,abc,2,2,2,1709251201000,True,True\n");
        TradeCache cache = TradeCache.in(dir.resolve("cache"));
        assertThatThrownBy(() -> run(trades, SYMBOL, "failed", cache)).isInstanceOf(BacktestException.class).hasMessageContaining("line 2");
        assertThat(cache.filesCached()).isZero();
        assertThat(Files.exists(dir.resolve("cache")) ? entries(dir.resolve("cache")) : List.of()).isEmpty();
    }

    @Test
    void aFileWithSkippedLinesIsNotCachedSoEveryRunReportsThem() throws IOException {
        Path trades = dir.resolve(SYMBOL + "-aggTrades-2024-03.csv");
        Files.writeString(trades, "1,100.5,2,1,1,1709251200000,True,True\n2,abc,2,2,2,1709251201000,True,True\n"
                + "3,101,1,3,3,1709251290000,False,True\n");
        TradeCache cache = TradeCache.in(dir.resolve("cache"));
        BacktestRequest request = new BacktestRequest(List.of(trades), SYMBOL, dir.resolve("skip"), Requests.strategies(StrategyOverrides.NONE).topics(),
                Duration.ofSeconds(5), MalformedLinePolicy.SKIP, Duration.ofHours(1));
        for (int run = 0; run < 2; run++) {
            BacktestResult result = new BacktestRunner(new PrintWriter(new StringWriter())).withTradeCache(cache).run(request);
            assertThat(result.skippedLines()).isEqualTo(1);
        }
        assertThat(cache.filesCached()).isZero();
        assertThat(cache.filesFromCache()).isZero();
    }

    /** A run writing the cache, one reading it and one without it: the same files byte for byte. */
    private void assertCachedRunsEqualUncached(Path trades, String symbol) throws IOException {
        TradeCache cache = TradeCache.in(dir.resolve("cache"));
        BacktestResult uncached = run(trades, symbol, "uncached", TradeCache.NONE);
        BacktestResult writing = run(trades, symbol, "writing", cache);
        assertThat(cache.filesCached()).isEqualTo(1);
        assertThat(cache.filesFromCache()).isZero();

        TradeCache again = TradeCache.in(dir.resolve("cache"));
        BacktestResult reading = run(trades, symbol, "reading", again);
        assertThat(again.filesFromCache()).as("read from the cache, not parsed").isEqualTo(1);
        assertThat(again.filesCached()).isZero();

        assertSameFiles(dir.resolve("uncached"), dir.resolve("writing"));
        assertSameFiles(dir.resolve("uncached"), dir.resolve("reading"));
        assertThat(Requests.stableSummary(writing)).isEqualTo(Requests.stableSummary(uncached));
        assertThat(Requests.stableSummary(reading)).isEqualTo(Requests.stableSummary(uncached));
    }

    private BacktestResult run(Path trades, String symbol, String out, TradeCache cache) {
        BacktestRequest request = Requests.of(BacktestRequest.Input.TRADES, List.of(trades), symbol, dir.resolve(out), Duration.ofSeconds(5),
                Requests.strategies(StrategyOverrides.NONE), Requests.executor(Map.of(ExecutorSettings.ORDER_QUANTITIES, symbol + "=1")));
        return new BacktestRunner(new PrintWriter(new StringWriter())).withTradeCache(cache).run(request);
    }

    private static void assertSameFiles(Path expectedDir, Path actualDir) throws IOException {
        List<String> names = names(expectedDir);
        assertThat(names).contains("candles-1m.csv", "signals.csv", "fills.csv", "report.json");
        assertThat(names(actualDir)).isEqualTo(names);
        for (String name : names) {
            assertThat(Files.readAllBytes(actualDir.resolve(name))).as(name).isEqualTo(Files.readAllBytes(expectedDir.resolve(name)));
        }
    }

    private static List<Path> entries(Path cacheDir) throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.sorted().toList();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
