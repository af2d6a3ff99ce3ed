package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.backtest.report.SymbolSummary;
import dev.tickflow.testkit.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiSymbolBacktestTest {
    private static final List<String> CANDLE_FILES = List.of("candles-1m.csv", "candles-5m.csv", "candles-15m.csv", "candles-1h.csv");

    @TempDir
    Path dir;

    /**
     * Binance's reference aggTrades of XRPETH, and the same trades as an XRPBTC monthly zip: each symbol gets exactly what
     * a run of it alone gives, in its own directory; the shared files hold both symbols on one timeline.
     */
    @Test
    void eachSymbolOfTheReferenceDataGetsWhatItsOwnRunGives() throws IOException {
        Path reference = ReferenceData.assumeFile(ReferenceData.XRPETH_2019_10 + "/XRPETH-aggTrades-2019-10-11_13.csv");
        Path input = Files.createDirectory(dir.resolve("input"));
        Path xrpeth = Files.copy(reference, input.resolve(reference.getFileName()));
        TradeFilesFixture.zip(input, "XRPBTC-aggTrades-2019-10", Files.readString(reference));

        BacktestResult alone = run(List.of(reference), "XRPETH", dir.resolve("alone"));
        BacktestResult both = run(List.of(input), null, dir.resolve("both"));

        Path out = dir.resolve("both");
        for (String file : CANDLE_FILES) {
            assertThat(out.resolve("XRPETH").resolve(file)).as(file).hasSameBinaryContentAs(dir.resolve("alone").resolve(file));
            assertThat(out.resolve("XRPBTC").resolve(file)).as(file).hasSameBinaryContentAs(dir.resolve("alone").resolve(file));
        }
        assertThat(out.resolve("XRPETH/report.json")).hasSameBinaryContentAs(dir.resolve("alone/report.json"));
        for (String file : List.of("indicators.csv", "signals.csv", "orders.csv", "fills.csv")) {
            assertThat(rowsOf(out.resolve(file), "XRPETH")).as(file).isEqualTo(rowsOf(dir.resolve("alone").resolve(file), "XRPETH"));
        }
        assertThat(rowsOf(out.resolve("signals.csv"), "XRPBTC")).as("the same candles give XRPBTC the same signals")
                .isEqualTo(rowsOf(dir.resolve("alone/signals.csv"), "XRPETH").stream().map(row -> row.replace("XRPETH", "XRPBTC")).toList());
        assertOneTimeline(out.resolve("indicators.csv"), "XRPBTC", "XRPETH");

        long trades = alone.replay().trades();
        assertThat(both.replay().trades()).isEqualTo(2 * trades);
        assertThat(both.tradesBySymbol()).containsEntry("XRPBTC", trades).containsEntry("XRPETH", trades);
        assertThat(both.strategy().symbols()).extracting(SymbolSummary::symbol).containsExactly("XRPBTC", "XRPETH");
        SymbolSummary eth = both.strategy().symbols().get(1);
        assertThat(eth.symbol()).isEqualTo("XRPETH");
        assertThat(eth.trades()).isEqualTo(trades);
        assertThat(eth.signals()).isEqualTo(alone.strategy().signals().values().stream().mapToLong(Long::longValue).sum());
        assertThat(eth.fills()).isEqualTo(alone.strategy().fills());
        assertThat(eth.orders()).isEqualTo(alone.strategy().orders());
        assertThat(both.strategy().fills()).isEqualTo(both.strategy().symbols().get(0).fills() + eth.fills());
        String portfolio = Files.readString(out.resolve("report.json"));
        assertThat(portfolio).contains("{\"symbol\": \"XRPETH\", \"quote_asset\": \"ETH\", \"trades\": " + trades + ", \"candles\": " + eth.candles()
                + ", \"signals\": " + eth.signals() + ", \"orders\": " + eth.orders() + ", \"fills\": " + eth.fills());
        assertThat(portfolio).contains("\"portfolio\": {\"trades\": " + 2 * trades);
        assertThat(Files.readString(out.resolve("report.html"))).contains("<a href=\"XRPETH/report.html\">XRPETH</a>");
        assertThat(Requests.stableSummary(both)).contains("XRPETH:", "XRPBTC:")
                .anyMatch(line -> line.startsWith("trades:       " + String.format("%,d", 2 * trades) + " (XRPBTC "))
                .anyMatch(line -> line.startsWith("total "));
        assertThat(xrpeth).exists();
    }

    @Test
    void severalSymbolsOfSyntheticZipsAreDeterministicAndEachStartsAsItsOwnRun() throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        Path aaa = SyntheticTrades.write(dir.resolve("aaa.csv"), 11, 240, 5_000);
        Path bbb = SyntheticTrades.write(dir.resolve("bbb.csv"), 12, 240, 5_000);
        TradeFilesFixture.zip(input, "AAAETH-aggTrades-2024-02", TradeFilesFixture.AGG_TRADES_HEADER + Files.readString(aaa));
        TradeFilesFixture.zip(input, "BBBETH-aggTrades-2024-02-29", Files.readString(bbb));

        run(List.of(aaa), "AAAETH", dir.resolve("aaa"));
        run(List.of(bbb), "BBBETH", dir.resolve("bbb"));
        List<String> first = Requests.stableSummary(run(List.of(input), null, dir.resolve("one")));
        List<String> second = Requests.stableSummary(run(List.of(input), null, dir.resolve("two")));

        assertThat(second).isEqualTo(first);
        for (String file : List.of("indicators.csv", "signals.csv", "orders.csv", "fills.csv", "report.json", "report.html",
                "AAAETH/candles-1m.csv", "BBBETH/candles-1h.csv", "AAAETH/report.json")) {
            assertThat(dir.resolve("two").resolve(file)).as(file).hasSameBinaryContentAs(dir.resolve("one").resolve(file));
        }
        // a symbol whose data ends first gets flat candles until the end of the timeline, as live; up to its own end, its own run
        for (String symbol : List.of("AAAETH", "BBBETH")) {
            Path own = dir.resolve(symbol.substring(0, 3).toLowerCase(Locale.ROOT));
            List<String> ownCandles = Files.readAllLines(own.resolve("candles-1m.csv"));
            List<String> merged = Files.readAllLines(dir.resolve("one").resolve(symbol).resolve("candles-1m.csv"));
            assertThat(merged.subList(0, ownCandles.size())).as(symbol).isEqualTo(ownCandles);
            assertThat(merged.subList(ownCandles.size(), merged.size())).as("flat after its end").allMatch(row -> row.split(",")[5].equals("0.00000000"));
            List<String> ownSignals = rowsOf(own.resolve("signals.csv"), symbol);
            assertThat(rowsOf(dir.resolve("one/signals.csv"), symbol).subList(0, ownSignals.size())).as(symbol).isEqualTo(ownSignals);
        }
        assertOneTimeline(dir.resolve("one/indicators.csv"), "AAAETH", "BBBETH");
    }

    private BacktestResult run(List<Path> files, String symbol, Path out) {
        return new BacktestRunner(new PrintWriter(new StringWriter())).run(Requests.of(BacktestRequest.Input.TRADES, files, symbol, out,
                Duration.ofSeconds(5), Requests.strategies(StrategyOverrides.NONE), Requests.executor(Map.of())));
    }

    private static List<String> rowsOf(Path file, String symbol) throws IOException {
        return Files.readAllLines(file).stream().skip(1).filter(row -> row.split(",")[1].equals(symbol)).toList();
    }

    /**
     * The symbols' rows interleave, each in time order, and never more than a few minutes apart: the aggregation closes
     * the due minutes of every symbol together (per symbol in time order), as live.
     */
    private static void assertOneTimeline(Path file, String... symbols) throws IOException {
        List<String[]> rows = Files.readAllLines(file).stream().skip(1).map(row -> row.split(",")).toList();
        for (String symbol : symbols) {
            assertThat(rows.stream().filter(row -> row[1].equals(symbol)).map(row -> Long.parseLong(row[2])).toList()).as(symbol).isSorted();
        }
        long latest = Long.parseLong(rows.get(0)[2]);
        for (String[] row : rows) {
            long openTime = Long.parseLong(row[2]);
            assertThat(openTime).as("behind the latest row by less than the longest gap of the data").isGreaterThan(latest - 30 * 60_000L);
            latest = Math.max(latest, openTime);
        }
    }
}
