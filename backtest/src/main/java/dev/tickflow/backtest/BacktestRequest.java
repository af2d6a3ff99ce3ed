package dev.tickflow.backtest;

import dev.tickflow.backtest.report.Account;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One backtest run.
 *
 * @param input         what the files hold
 * @param files         Binance trades/aggTrades files or directories of them, of one or several symbols (each symbol's
 *                      files in the date order of their names, all symbols merged by trade time); or klines files of
 *                      one symbol, read in this order
 * @param symbol        the symbol of all the files, or null to take each file's from its Binance name
 * @param outDir        where the output files go (created when missing)
 * @param topics        topic names and candle intervals (1m plus roll-ups)
 * @param grace         the aggregation's grace period (trades only)
 * @param malformed     what to do with a malformed line
 * @param progressEvery how often to report progress
 * @param strategy      the strategy instances to run on the candles, or null for candles only (its serde configuration
 *                      is not used)
 * @param executor      the executor's settings for the strategies' signals (paper broker whatever {@code executor.broker}
 *                      says); required with {@code strategy}
 * @param account       each strategy instance's simulated account (starting capital, fee rate)
 */
public record BacktestRequest(Input input, List<Path> files, String symbol, Path outDir, TopicCatalog topics, Duration grace,
                              MalformedLinePolicy malformed, Duration progressEvery, StrategySettings strategy,
                              ExecutorSettings executor, Account account) {

    /** What the input files hold. */
    public enum Input {
        /** Trades: candles first (the aggregation), then the strategies on them. */
        TRADES,
        /** Klines: the strategies run on them directly. */
        KLINES
    }

    public BacktestRequest {
        files = List.copyOf(files);
        if (input == Input.KLINES && strategy == null) {
            throw new IllegalArgumentException("A klines backtest needs strategy settings");
        }
        if (strategy != null && executor == null) {
            throw new IllegalArgumentException("A backtest with strategies needs executor settings");
        }
    }

    /** Candles only, from trades. */
    public BacktestRequest(List<Path> tradeFiles, String symbol, Path outDir, TopicCatalog topics, Duration grace,
                           MalformedLinePolicy malformed, Duration progressEvery) {
        this(Input.TRADES, tradeFiles, symbol, outDir, topics, grace, malformed, progressEvery, null, null, Account.DEFAULT);
    }
}
