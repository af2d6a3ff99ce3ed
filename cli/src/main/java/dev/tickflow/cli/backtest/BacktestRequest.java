package dev.tickflow.cli.backtest;

import dev.tickflow.ingest.replay.MalformedLinePolicy;
import dev.tickflow.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One backtest run.
 *
 * @param tradeFiles    Binance trades/aggTrades files, read in this order
 * @param symbol        the symbol the files hold
 * @param outDir        where the candle files go (created when missing)
 * @param topics        topic names and candle intervals (1m plus roll-ups)
 * @param grace         the topology's grace period
 * @param malformed     what to do with a malformed line
 * @param progressEvery how often to report progress
 */
public record BacktestRequest(List<Path> tradeFiles, String symbol, Path outDir, TopicCatalog topics, Duration grace,
                              MalformedLinePolicy malformed, Duration progressEvery) {
    public BacktestRequest {
        tradeFiles = List.copyOf(tradeFiles);
    }
}
