package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.testkit.ReferenceData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the backtest (with {@code tickflow backtest}'s defaults) runs the strategies on Binance's real XRPETH klines, deterministically,
 * and gives the very same indicators and signals when it builds the candles itself from the aggTrades. Skipped when the
 * shared reference data is absent.
 */
class BacktestStrategyReferenceDataTest {
    private static final String DIR = ReferenceData.XRPETH_2019_10 + "/";
    private static final int KLINES = 3_560;
    private static final List<String> INSTANCES = List.of("A", "B");

    @TempDir
    Path out;

    @Test
    void klinesGiveIndicatorsAndConsistentSignalsEveryTime() throws IOException {
        Path klines = ReferenceData.assumeFile(DIR + "XRPETH-1m-klines.csv");

        String summary = backtest(Requests.of(BacktestRequest.Input.KLINES, klines, "XRPETH", out.resolve("a")));
        backtest(Requests.of(BacktestRequest.Input.KLINES, klines, "XRPETH", out.resolve("b")));

        for (String file : List.of("indicators.csv", "signals.csv", "orders.csv", "fills.csv", "report.json", "report.html")) {
            assertThat(Files.readAllBytes(out.resolve("a").resolve(file))).as(file).isEqualTo(Files.readAllBytes(out.resolve("b").resolve(file)));
        }
        try (var files = Files.list(out.resolve("a"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("fills.csv", "indicators.csv", "orders.csv",
                    "report.html", "report.json", "signals.csv");
        }
        assertThat(ExecutionFiles.assertConsistent(out.resolve("a"), new BigDecimal("0.001"))).containsOnlyKeys(INSTANCES);
        List<String[]> indicators = rows(out.resolve("a/indicators.csv"), "instance,symbol,open_time,close,sma,ema");
        List<String> klineCloses = Files.readAllLines(klines).stream().skip(1).map(line -> line.split(",")[4]).toList();
        for (String instance : INSTANCES) {
            List<String[]> own = indicators.stream().filter(row -> row[0].equals(instance)).toList();
            assertThat(own).hasSize(KLINES);
            for (int i = 0; i < own.size(); i++) {
                String[] row = own.get(i);
                assertThat(row[1]).isEqualTo("XRPETH");
                assertThat(row[3]).isEqualTo(klineCloses.get(i));
                // SMA(10) from the 10th close, EMA(5), seeded with the SMA of the first 5, from the 5th
                assertThat(row[4].isEmpty()).as("sma of row %d", i).isEqualTo(i < 9);
                assertThat(row[5].isEmpty()).as("ema of row %d", i).isEqualTo(i < 4);
            }
        }
        // per candle, the instances in their configured order
        assertThat(indicators.subList(0, 4)).extracting(row -> row[0] + ":" + row[2])
                .containsExactly("A:1570752000000", "B:1570752000000", "A:1570752060000", "B:1570752060000");

        Map<String, String[]> indicatorsByKey = indicators.stream().collect(Collectors.toMap(row -> row[0] + ":" + row[2], row -> row));
        List<String[]> signals = rows(out.resolve("a/signals.csv"), "instance,symbol,open_time,target,reason,price,sma,ema,stop_price,signal_id");
        Map<String, Integer> counts = new TreeMap<>();
        for (String instance : INSTANCES) {
            List<String[]> own = signals.stream().filter(row -> row[0].equals(instance)).toList();
            assertThat(own).as("signals of %s", instance).isNotEmpty();
            counts.put(instance, own.size());
            long lastOpenTime = Long.MIN_VALUE;
            for (int i = 0; i < own.size(); i++) {
                String[] row = own.get(i);
                assertThat(row[3]).as("signal %d of %s", i, instance).isEqualTo(i % 2 == 0 ? "LONG" : "FLAT");
                assertThat(row[4]).isIn(i % 2 == 0 ? List.of("CROSS_UP") : List.of("CROSS_DOWN", "STOP_LOSS"));
                assertThat(Long.parseLong(row[2])).isGreaterThan(lastOpenTime);
                lastOpenTime = Long.parseLong(row[2]);
                String[] indicator = indicatorsByKey.get(instance + ":" + row[2]);
                assertThat(new String[] {row[5], row[6], row[7]}).containsExactly(indicator[3], indicator[4], indicator[5]);
                assertThat(row[6]).isNotEmpty();
                assertThat(row[9]).isEqualTo(instance + ":XRPETH:" + row[2]);
                assertThat(row[8].isEmpty()).isEqualTo(row[4].equals("CROSS_DOWN"));
            }
        }
        assertThat(summary).contains(String.format("klines:       %,d", KLINES),
                "signals:      A " + counts.get("A") + ", B " + counts.get("B"));
    }

    @Test
    void tradesGiveTheSameIndicatorsAndSignalsAsBinancesKlines() throws IOException {
        Path trades = ReferenceData.assumeFile(DIR + "XRPETH-aggTrades-2019-10-11_13.csv");
        Path klines = ReferenceData.assumeFile(DIR + "XRPETH-1m-klines.csv");

        String summary = backtest(Requests.of(BacktestRequest.Input.TRADES, trades, "XRPETH", out.resolve("trades")));
        backtest(Requests.of(BacktestRequest.Input.KLINES, klines, "XRPETH", out.resolve("klines")));

        assertThat(Files.readAllLines(out.resolve("trades/candles-1m.csv"))).hasSize(KLINES + 1);
        for (String file : List.of("indicators.csv", "signals.csv", "orders.csv", "fills.csv")) {
            assertThat(Files.readAllLines(out.resolve("trades").resolve(file))).as(file)
                    .containsExactlyElementsOf(Files.readAllLines(out.resolve("klines").resolve(file)));
        }
        assertThat(summary).contains("trades:       12,477", "signals:      A ");
    }

    @Test
    void overridesApplyToEveryInstance() throws IOException {
        Path klines = ReferenceData.assumeFile(DIR + "XRPETH-1m-klines.csv");

        StrategySettings overridden = Requests.strategies(new StrategyOverrides(Optional.of(20), Optional.of(8), Optional.of(new BigDecimal("0.05"))));
        backtest(Requests.of(BacktestRequest.Input.KLINES, List.of(klines), "XRPETH", out, Duration.ofSeconds(5), overridden, Requests.executor(Map.of())));

        List<String[]> indicators = rows(out.resolve("indicators.csv"), "instance,symbol,open_time,close,sma,ema");
        for (String instance : INSTANCES) {
            List<String[]> own = indicators.stream().filter(row -> row[0].equals(instance)).toList();
            assertThat(own).hasSize(KLINES);
            assertThat(firstNonEmpty(own, 4)).isEqualTo(19);
            assertThat(firstNonEmpty(own, 5)).isEqualTo(7);
        }
        List<String[]> signals = rows(out.resolve("signals.csv"), "instance,symbol,open_time,target,reason,price,sma,ema,stop_price,signal_id");
        // the same stop loss for both: A and B now decide alike
        assertThat(signals.stream().filter(row -> row[0].equals("A")).map(row -> Arrays.asList(row).subList(2, 9)).toList())
                .isEqualTo(signals.stream().filter(row -> row[0].equals("B")).map(row -> Arrays.asList(row).subList(2, 9)).toList());
    }

    private static int firstNonEmpty(List<String[]> rows, int column) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i)[column].isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String backtest(BacktestRequest request) {
        return String.join("\n", new BacktestRunner(new PrintWriter(new StringWriter())).run(request).summary());
    }

    private static List<String[]> rows(Path csv, String header) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(header);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }
}
