package dev.tickflow.bench;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.backtest.BacktestRequest;
import dev.tickflow.backtest.BacktestResult;
import dev.tickflow.backtest.BacktestRunner;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The backtest part of the benchmark: writes {@code trades} simulated trades of one symbol as a Binance aggTrades
 * file, then runs the real backtest on it ({@link BacktestRunner} with the default strategy instances and the paper
 * executor: candles, indicators, signals, orders, fills, report out) and takes the runner's own elapsed time.
 */
final class BacktestBench {
    static final String SYMBOL = "SYM000USDT";

    private BacktestBench() {
    }

    record Result(long trades, Duration elapsed, BacktestResult backtest) {
        double tradesPerSecond() {
            return trades / AggregateBench.seconds(elapsed);
        }
    }

    static Result run(long trades, Path workDir, PrintWriter out) throws IOException {
        Path file = workDir.resolve(SYMBOL + "-aggTrades-bench.csv");
        writeAggTrades(file, trades);
        TopicCatalog topics = TopicCatalog.defaults();
        StrategySettings strategies = new StrategySettings(topics, CandleInterval.ONE_MINUTE,
                StrategyInstances.parse(StrategyInstances.DEFAULTS, StrategyTypes.discover()), Map.of());
        BacktestRequest request = new BacktestRequest(BacktestRequest.Input.TRADES, List.of(file), SYMBOL, workDir.resolve("backtest-out"),
                topics, Duration.ofMillis(AggregateSettings.DEFAULT_GRACE_MS), MalformedLinePolicy.FAIL, Duration.ofSeconds(2), strategies,
                executorSettings(), Account.DEFAULT);
        BacktestResult result = new BacktestRunner(out).run(request);
        return new Result(result.replay().trades(), result.elapsed(), result);
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
