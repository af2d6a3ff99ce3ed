package dev.tickflow.bench;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.backtest.BacktestRequest;
import dev.tickflow.backtest.BacktestResult;
import dev.tickflow.backtest.BacktestRunner;
import dev.tickflow.backtest.TradeCache;
import dev.tickflow.backtest.report.Account;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.executor.order.OrderSizing;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.strategy.engine.StrategyInstances;
import dev.tickflow.strategy.engine.StrategyTypes;
import dev.tickflow.topics.CandleInterval;
import dev.tickflow.topics.TopicCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest part of the benchmark: writes {@code trades} simulated trades of one symbol as a Binance aggTrades
 * file, then runs the real backtest on it ({@link BacktestRunner} with the default strategy instances and the paper
 * executor: candles, indicators, signals, orders, fills, report out) several times in this JVM and takes the runner's own
 * elapsed time: the first round (warm-up) apart, the median of the warm rounds parsing the file, and the median of the
 * warm rounds reading the trades from the trade cache.
 */
final class BacktestBench {
    static final String SYMBOL = "SYM000USDT";

    private BacktestBench() {
    }

    /** Rounds in one JVM before the measured ones: the JIT compiles the hot path during them. */
    static final int WARM_UP_ROUNDS = 2;
    /** Measured rounds of each kind; their median is the figure. */
    static final int MEASURED_ROUNDS = 3;

    /**
     * @param warmUp  the first round, in a fresh JVM: JIT warm-up included
     * @param steady  the median round once warm, parsing the CSV file
     * @param cached  the median round once warm, reading the trades from the trade cache (written by a round before)
     * @param backtest the last round's result (all rounds give the same files)
     */
    record Result(long trades, Duration warmUp, Duration steady, Duration cached, BacktestResult backtest) {
        double warmUpTradesPerSecond() {
            return trades / AggregateBench.seconds(warmUp);
        }

        double tradesPerSecond() {
            return trades / AggregateBench.seconds(steady);
        }

        double cachedTradesPerSecond() {
            return trades / AggregateBench.seconds(cached);
        }
    }

    /**
     * Runs the backtest {@value #WARM_UP_ROUNDS} times to warm up, {@value #MEASURED_ROUNDS} times parsing the file, once
     * writing the trade cache and {@value #MEASURED_ROUNDS} times reading it; each round's time on {@code out}.
     */
    static Result run(long trades, Path workDir, PrintWriter out) throws IOException {
        Path file = workDir.resolve(SYMBOL + "-aggTrades-bench.csv");
        writeAggTrades(file, trades);
        TopicCatalog topics = TopicCatalog.defaults();
        StrategySettings strategies = new StrategySettings(topics, CandleInterval.ONE_MINUTE,
                StrategyInstances.parse(StrategyInstances.DEFAULTS, StrategyTypes.discover()), Map.of());
        BacktestRequest request = new BacktestRequest(BacktestRequest.Input.TRADES, List.of(file), SYMBOL, workDir.resolve("backtest-out"),
                topics, Duration.ofMillis(AggregateSettings.DEFAULT_GRACE_MS), MalformedLinePolicy.FAIL, Duration.ofSeconds(2), strategies,
                executorSettings(), Account.DEFAULT);
        BacktestRunner parsing = new BacktestRunner(out);
        BacktestRunner caching = parsing.withTradeCache(TradeCache.in(workDir.resolve("trade-cache")));
        BacktestResult result = null;
        Duration warmUp = null;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            result = round(parsing, request, trades, "warm-up " + round, out);
            warmUp = warmUp == null ? result.elapsed() : warmUp;
        }
        List<Duration> steady = new ArrayList<>();
        for (int round = 1; round <= MEASURED_ROUNDS; round++) {
            steady.add(round(parsing, request, trades, "parsing the file " + round, out).elapsed());
        }
        round(caching, request, trades, "writing the trade cache", out);
        List<Duration> cached = new ArrayList<>();
        for (int round = 1; round <= MEASURED_ROUNDS; round++) {
            result = round(caching, request, trades, "from the trade cache " + round, out);
            cached.add(result.elapsed());
        }
        return new Result(result.replay().trades(), warmUp, median(steady), median(cached), result);
    }

    private static BacktestResult round(BacktestRunner runner, BacktestRequest request, long trades, String name, PrintWriter out) {
        long cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        BacktestResult result = runner.run(request);
        cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuNanos;
        out.printf(Locale.ROOT, "backtest round (%s): %.2f s, %,.0f trades/s; %,.0f trades per second of the thread's CPU time%n", name,
                AggregateBench.seconds(result.elapsed()), trades / AggregateBench.seconds(result.elapsed()), trades * 1e9 / cpuNanos);
        out.flush();
        return result;
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The paper executor with the default fee and one unit of the simulated symbol per order (a USDT pair has no default size). */
    static ExecutorSettings executorSettings() {
        return ExecutorSettings.paperDefaults(Map.of())
                .withSizing(new OrderSizing(Map.of(SYMBOL, BigDecimal.ONE), Map.of(), ExecutorSettings.ORDER_QUANTITIES,
                        ExecutorSettings.ORDER_NOTIONALS))
                .withPaperCosts(Account.DEFAULT.feeRate(), BigDecimal.ZERO);
    }

    /** One symbol's simulated trades in Binance's aggTrades layout (8 columns, no header). */
    static void writeAggTrades(Path file, long trades) throws IOException {
        BenchTrades generator = new BenchTrades(trades, 1, 42);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(96);
            while (generator.hasNext()) {
                BenchTrades.SimTrade trade = generator.next();
                line.setLength(0);
                line.append(trade.tradeId()).append(',').append(trade.price().toPlainString()).append(',')
                        .append(trade.quantity().toPlainString()).append(',').append(trade.tradeId()).append(',').append(trade.tradeId())
                        .append(',').append(trade.time()).append(',').append(trade.buyerIsMaker() ? "True" : "False").append(",True\n");
                writer.append(line);
            }
        }
    }
}
