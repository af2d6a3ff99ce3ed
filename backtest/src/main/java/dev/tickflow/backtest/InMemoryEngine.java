package dev.tickflow.backtest;

import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.TopicCatalog;
import java.time.Duration;

/** The services' own domain code on one thread, state in memory: no Kafka, no serdes, no state encoding per trade. */
final class InMemoryEngine implements BacktestEngine {
    static final InMemoryEngine INSTANCE = new InMemoryEngine();

    private InMemoryEngine() {
    }

    @Override
    public Candles candles(TopicCatalog topics, Duration grace) {
        return new TradeAggregation(topics.candleIntervals(), grace);
    }

    @Override
    public Strategies strategies(StrategySettings settings, StrategySink sink) {
        return new InMemoryStrategies(settings, sink);
    }

    @Override
    public Executor executor(ExecutorSettings settings, ExecutionSink sink) {
        return new BacktestExecutor(settings, sink);
    }
}
