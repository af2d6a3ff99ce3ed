package dev.tickflow.backtest;

import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.BinanceTradesCsv;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trades per second of a whole backtest (file read, candles, strategies A and B, paper executor, files, report) on one
 * symbol's simulated aggTrades, 60 a minute, by wall clock and by the thread's CPU time; reading the file alone for
 * comparison; the same backtest with the trade cache (written in round 1, read after); then the topologies in TopologyTestDriver (the reference). Usage: BacktestSpeed [trades] [rounds]
 * [reference: true|false]; see docs/performance.md.
 */
public final class BacktestSpeed {
    private static final String SYMBOL = "SYM000USDT";

    private BacktestSpeed() {
    }

    public static void main(String[] args) throws IOException {
        long trades = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean reference = args.length <= 2 || Boolean.parseBoolean(args[2]);
        Path dir = Files.createTempDirectory("tickflow-backtest-speed-");
        Path file = writeAggTrades(dir.resolve(SYMBOL + "-aggTrades-speed.csv"), trades);
        BacktestRequest request = Requests.of(BacktestRequest.Input.TRADES, List.of(file), SYMBOL, dir.resolve("out"), Duration.ofSeconds(5),
                Requests.strategies(StrategyOverrides.NONE), Requests.executor(Map.of(ExecutorSettings.ORDER_QUANTITIES, SYMBOL + "=1")));
        TradeCache cache = TradeCache.in(dir.resolve("cache"));
        for (int round = 1; round <= rounds; round++) {
            long readCpu = cpuNanos();
            long read = readOnly(file);
            readCpu = cpuNanos() - readCpu;
            long engineCpu = cpuNanos();
            BacktestResult engine = new BacktestRunner(new PrintWriter(new StringWriter())).run(request);
            engineCpu = cpuNanos() - engineCpu;
            long cachedCpu = cpuNanos();
            BacktestResult fromCache = new BacktestRunner(new PrintWriter(new StringWriter())).withTradeCache(cache).run(request);
            cachedCpu = cpuNanos() - cachedCpu;
            System.out.printf(Locale.ROOT, "round %d: engine %,.0f trades/s wall, %,.0f trades/s of CPU time; with the trade cache (%s) %,.0f "
                    + "trades/s wall, %,.0f of CPU time; reading the file alone %,.0f trades/s of CPU time (%s)%n", round,
                    perSecond(trades, engine.elapsed().toNanos()), perSecond(trades, engineCpu), round == 1 ? "written" : "read",
                    perSecond(trades, fromCache.elapsed().toNanos()), perSecond(trades, cachedCpu), perSecond(read, readCpu), summary(engine));
        }
        if (reference) {
            try (TopologyEngine topologies = new TopologyEngine()) {
                long cpu = cpuNanos();
                BacktestResult old = new BacktestRunner(topologies, new PrintWriter(new StringWriter()), System::nanoTime).run(request);
                cpu = cpuNanos() - cpu;
                System.out.printf(Locale.ROOT, "topologies in TopologyTestDriver %,.0f trades/s wall, %,.0f trades/s of CPU time (%s)%n",
                        perSecond(trades, old.elapsed().toNanos()), perSecond(trades, cpu), summary(old));
            }
        }
    }

    /** The trades read and parsed, nothing else. */
    private static long readOnly(Path file) {
        long read = 0;
        try (BinanceTradesCsv reader = BinanceTradesCsv.open(List.of(file), SYMBOL, MalformedLinePolicy.FAIL)) {
            while (reader.hasNext()) {
                reader.next();
                read++;
            }
        }
        return read;
    }

    /** CPU time of this thread: the machine is shared, so wall time alone says little. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String summary(BacktestResult result) {
        return result.replay().candles() + ", signals " + result.strategy().signals() + ", fills " + result.strategy().fills();
    }

    private static double perSecond(long trades, long nanos) {
        return trades * 1e9 / nanos;
    }

    /** A random walk of 8-decimal prices, 60 trades a minute, in Binance's aggTrades layout. */
    static Path writeAggTrades(Path file, long trades) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long price = 5_000_000_000L;
        long start = 1_704_067_200_000L;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long id = 1; id <= trades; id++) {
                price = Math.max(1_000_000L, price + price / 2_000 * (random.nextInt(21) - 10) / 10);
                long time = start + (id - 1) * 1_000 + random.nextInt(1_000);
                writer.write(id + "," + BigDecimal.valueOf(price, 8).toPlainString() + "," + BigDecimal.valueOf(1 + random.nextLong(500_000_000L), 8)
                        .toPlainString() + "," + id + "," + id + "," + time + "," + (random.nextBoolean() ? "True" : "False") + ",True\n");
            }
        }
        return file;
    }
}
