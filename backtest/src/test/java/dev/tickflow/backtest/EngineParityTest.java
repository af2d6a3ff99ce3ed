package dev.tickflow.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.testkit.ReferenceData;
import dev.tickflow.topics.CandleInterval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity: the backtest's engine ({@link InMemoryEngine}: the services' domain code on one thread) writes the very same
 * files, byte for byte, as the services' topologies in TopologyTestDriver ({@link TopologyEngine}), on the shared
 * reference data and on seeded synthetic trades that hold every case of the aggregation and the executor.
 */
class EngineParityTest {
    private static final String DIR = ReferenceData.XRPETH_2019_10 + "/";
    private static final String SYMBOL = "SYNUSDT";

    @TempDir
    Path dir;

    @Test
    void referenceAggTradesWithTheDefaults() throws IOException {
        Path trades = ReferenceData.assumeFile(DIR + "XRPETH-aggTrades-2019-10-11_13.csv");

        assertSameFiles(Requests.of(BacktestRequest.Input.TRADES, trades, "XRPETH", dir.resolve("request")), 10);
    }

    @Test
    void referenceKlinesWithTheDefaults() throws IOException {
        Path klines = ReferenceData.assumeFile(DIR + "XRPETH-1m-klines.csv");

        assertSameFiles(Requests.of(BacktestRequest.Input.KLINES, klines, "XRPETH", dir.resolve("request")), 6);
    }

    @Test
    void referenceAggTradesWithRestingLimitOrdersAndRiskLimits() throws IOException {
        Path trades = ReferenceData.assumeFile(DIR + "XRPETH-aggTrades-2019-10-11_13.csv");
        ExecutorSettings limits = Requests.executor(Map.of(ExecutorSettings.ORDER_TYPE, "LIMIT", ExecutorSettings.LIMIT_OFFSET_BPS, "5",
                ExecutorSettings.LIMIT_EXPIRY_MS, "180000", ExecutorSettings.RISK_MAX_DRAWDOWN, "0.00001"));

        assertSameFiles(Requests.of(BacktestRequest.Input.TRADES, List.of(trades), "XRPETH", dir.resolve("request"), Duration.ofSeconds(5),
                Requests.strategies(StrategyOverrides.NONE), limits), 10);
    }

    /** A seed, the grace, the strategies' interval, the executor's keys, and order states the run must show. */
    static Stream<Arguments> syntheticMarkets() {
        return Stream.of(
                Arguments.of(1L, 5_000L, "1m", Map.of(), List.of("FILLED")),
                Arguments.of(2L, 0L, "1m", Map.of(ExecutorSettings.PAPER_SLIPPAGE_BPS, "7", ExecutorSettings.RISK_MAX_POSITION_NOTIONAL, "2000"),
                        List.of("FILLED", "REJECTED")),
                Arguments.of(3L, 5_000L, "1m", Map.of(ExecutorSettings.ORDER_TYPE, "LIMIT", ExecutorSettings.LIMIT_OFFSET_BPS, "20",
                        ExecutorSettings.LIMIT_EXPIRY_MS, "120000"), List.of("NEW", "FILLED", "EXPIRED")),
                Arguments.of(4L, 30_000L, "5m", Map.of(ExecutorSettings.ORDER_TYPE, "LIMIT", ExecutorSettings.LIMIT_OFFSET_BPS, "3",
                        ExecutorSettings.LIMIT_EXPIRY_MS, "0", ExecutorSettings.PAPER_FILTERS, SYMBOL + ".tickSize=1," + SYMBOL + ".stepSize=0.5"),
                        List.of("NEW", "FILLED", "CANCELED")),
                Arguments.of(5L, 2_000L, "1m", Map.of(ExecutorSettings.RISK_MAX_DRAWDOWN, "3", ExecutorSettings.RISK_MAX_DAILY_LOSS, "5",
                        ExecutorSettings.RISK_HALT_SCOPE, "all", ExecutorSettings.PAPER_FEE_RATE, "0.00075"), List.of("FILLED", "REJECTED")),
                Arguments.of(6L, 5_000L, "15m", Map.of(ExecutorSettings.ORDER_TYPE, "LIMIT", ExecutorSettings.TIME_IN_FORCE, "IOC",
                        ExecutorSettings.LIMIT_OFFSET_BPS, "0", ExecutorSettings.RISK_MAX_ORDER_NOTIONAL, "1400"), List.of("FILLED", "REJECTED")));
    }

    @ParameterizedTest(name = "seed {0}, grace {1} ms, strategies on {2}, {3}")
    @MethodSource("syntheticMarkets")
    void syntheticTrades(long seed, long graceMs, String interval, Map<String, String> executorKeys, List<String> statuses) throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve(SYMBOL + "-aggTrades-synthetic.csv"), seed, 1_500, graceMs);
        Map<String, String> keys = new LinkedHashMap<>(Map.of(ExecutorSettings.ORDER_QUANTITIES, SYMBOL + "=1.5"));
        keys.putAll(executorKeys);

        BacktestRequest request = Requests.of(BacktestRequest.Input.TRADES, List.of(trades), SYMBOL, dir.resolve("request"),
                Duration.ofMillis(graceMs), strategies(CandleInterval.parse(interval)), Requests.executor(keys));
        BacktestResult result = assertSameFiles(request, 10);

        assertThat(result.replay().lateTrades()).as("late trades").isPositive();
        assertThat(result.replay().candles().get(CandleInterval.parse("1h"))).as("hours").isPositive();
        assertThat(Files.readAllLines(dir.resolve("domain/orders.csv")).stream().skip(1).map(line -> line.split(",")[7]).distinct())
                .as("order states").containsAll(statuses);
        assertThat(Files.readString(dir.resolve("domain/signals.csv"))).as("stop losses").contains(",STOP_LOSS,");
    }

    @Test
    void syntheticKlines() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve(SYMBOL + "-aggTrades-synthetic.csv"), 7, 1_500, 5_000);
        BacktestRequest candles = Requests.of(BacktestRequest.Input.TRADES, List.of(trades), SYMBOL, dir.resolve("candles"), Duration.ofSeconds(5),
                strategies(CandleInterval.ONE_MINUTE), Requests.executor(Map.of(ExecutorSettings.ORDER_QUANTITIES, SYMBOL + "=2")));
        new BacktestRunner(new PrintWriter(new StringWriter())).run(candles);
        Path klines = Files.move(dir.resolve("candles/candles-1m.csv"), dir.resolve(SYMBOL + "-1m-synthetic.csv"));

        BacktestRequest request = Requests.of(BacktestRequest.Input.KLINES, List.of(klines), SYMBOL, dir.resolve("request"), Duration.ofSeconds(5),
                strategies(CandleInterval.ONE_MINUTE), Requests.executor(Map.of(ExecutorSettings.ORDER_QUANTITIES, SYMBOL + "=2",
                        ExecutorSettings.ORDER_TYPE, "LIMIT", ExecutorSettings.LIMIT_OFFSET_BPS, "0")));
        assertThat(assertSameFiles(request, 6).strategy().fills()).isPositive();
    }

    /**
     * The stop loss on the candle's low, the default, is the same rule in both engines: on a seeded market where candles
     * trade through a stop and close above it, L (low) stops out there and C (the same on the close) does not.
     */
    @Test
    void syntheticTradesWithStopsOnTheLowAndOnTheClose() throws IOException {
        Path trades = SyntheticTrades.write(dir.resolve(SYMBOL + "-aggTrades-synthetic.csv"), 8, 1_500, 5_000);
        String crossover = """
                strategy.%1$s.type=sma-ema-crossover
                strategy.%1$s.sma=8
                strategy.%1$s.ema=3
                strategy.%1$s.stop-loss=0.004
                """;
        StrategySettings strategies = strategies("strategy.instances=L,C\n" + crossover.formatted("L") + crossover.formatted("C")
                + "strategy.C.stop-trigger=close", CandleInterval.ONE_MINUTE);
        BacktestRequest request = Requests.of(BacktestRequest.Input.TRADES, List.of(trades), SYMBOL, dir.resolve("request"), Duration.ofSeconds(5),
                strategies, Requests.executor(Map.of(ExecutorSettings.ORDER_QUANTITIES, SYMBOL + "=1.5")));

        assertSameFiles(request, 10);

        Map<String, String[]> candles = new LinkedHashMap<>();
        Files.readAllLines(dir.resolve("domain/candles-1m.csv")).stream().skip(1).map(line -> line.split(","))
                .forEach(row -> candles.put(row[0], row));
        List<String[]> signals = Files.readAllLines(dir.resolve("domain/signals.csv")).stream().skip(1).map(line -> line.split(",", -1)).toList();
        // instance,symbol,open_time,target,reason,price,sma,ema,stop_price,signal_id; candles: open_time,open,high,low,close,...
        List<String> stoppedOnAWick = signals.stream().filter(row -> row[0].equals("L") && row[4].equals("STOP_LOSS")).filter(row -> {
            BigDecimal stop = new BigDecimal(row[8]);
            String[] candle = candles.get(row[2]);
            return new BigDecimal(candle[1]).compareTo(stop) > 0 && new BigDecimal(candle[3]).compareTo(stop) <= 0
                    && new BigDecimal(candle[4]).compareTo(stop) > 0;
        }).map(row -> row[2]).toList();
        assertThat(stoppedOnAWick).as("stops of L on a candle whose low crossed the stop and whose close did not").isNotEmpty();
        assertThat(signals.stream().filter(row -> row[0].equals("C") && row[4].equals("STOP_LOSS") && stoppedOnAWick.contains(row[2])))
                .as("C decides on the close").isEmpty();
        assertThat(signals.stream().filter(row -> row[0].equals("C") && row[4].equals("STOP_LOSS"))).as("C's stops").isNotEmpty()
                .allSatisfy(row -> assertThat(new BigDecimal(row[5])).isLessThanOrEqualTo(new BigDecimal(row[8])));
    }

    /** Short periods, so that the synthetic markets give many signals: two crossovers with stop losses and a breakout. */
    private static StrategySettings strategies(CandleInterval interval) {
        return strategies("""
                strategy.instances=A,B,C
                strategy.A.type=sma-ema-crossover
                strategy.A.sma=8
                strategy.A.ema=3
                strategy.A.stop-loss=0.02
                strategy.B.type=sma-ema-crossover
                strategy.B.sma=20
                strategy.B.ema=5
                strategy.C.type=breakout
                strategy.C.entry=6
                strategy.C.exit=4
                strategy.C.stop-loss=0.01
                """, interval);
    }

    private static StrategySettings strategies(String properties, CandleInterval interval) {
        Map<String, String> instances = new LinkedHashMap<>();
        properties.lines().map(line -> line.split("=", 2)).forEach(pair -> instances.put(pair[0], pair[1]));
        return Requests.strategies(instances, interval);
    }

    /** Runs the request through both engines; every file must be the same, and the summary but for time and paths. */
    private BacktestResult assertSameFiles(BacktestRequest request, int files) throws IOException {
        Path expectedDir = dir.resolve("topologies");
        Path actualDir = dir.resolve("domain");
        BacktestResult expected;
        try (TopologyEngine reference = new TopologyEngine()) {
            expected = new BacktestRunner(reference, new PrintWriter(new StringWriter()), System::nanoTime)
                    .run(Requests.writingTo(request, expectedDir));
        }
        BacktestResult actual = new BacktestRunner(new PrintWriter(new StringWriter())).run(Requests.writingTo(request, actualDir));

        List<String> names = names(expectedDir);
        assertThat(names).hasSize(files);
        assertThat(names(actualDir)).isEqualTo(names);
        for (String name : names) {
            byte[] expectedBytes = Files.readAllBytes(expectedDir.resolve(name));
            byte[] actualBytes = Files.readAllBytes(actualDir.resolve(name));
            if (!Arrays.equals(expectedBytes, actualBytes)) {
                assertThat(Files.readAllLines(actualDir.resolve(name))).as(name).containsExactlyElementsOf(Files.readAllLines(expectedDir.resolve(name)));
                assertThat(actualBytes).as(name).isEqualTo(expectedBytes);
            }
        }
        assertThat(Requests.stableSummary(actual)).isEqualTo(Requests.stableSummary(expected));
        return actual;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
