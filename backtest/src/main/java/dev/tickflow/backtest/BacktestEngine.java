package dev.tickflow.backtest;

import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.schema.Candle;
import dev.tickflow.schema.Fill;
import dev.tickflow.schema.Signal;
import dev.tickflow.schema.Trade;
import dev.tickflow.strategy.StrategySettings;
import dev.tickflow.topics.TopicCatalog;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * What a backtest runs its input through: trades to candles, candles to indicators and signals, signals and trades to
 * orders and fills. {@link InMemoryEngine} runs the services' own domain code; the tests hold the services' topologies
 * in TopologyTestDriver as the reference it must equal byte for byte. {@link BacktestRunner} and {@link StrategyRun}
 * put the stages in the order of the live pipeline.
 */
interface BacktestEngine {

    Candles candles(TopicCatalog topics, Duration grace);

    Strategies strategies(StrategySettings settings, StrategySink sink);

    Executor executor(ExecutorSettings settings, ExecutionSink sink);

    /** The aggregation: trades to final candles. */
    interface Candles {
        /**
         * Takes the trades in order, handing each final candle to the sink as it closes: a minute when a trade's time
         * passes its end plus the grace; after the last trade, that trade's minute, but no roll-up still incomplete.
         */
        ReplayResult run(Iterator<Trade> trades, CandleSink sink) throws IOException;
    }

    /** The strategies on the candles of their interval; their snapshots and signals go to the sink. */
    interface Strategies extends Closeable {
        void accept(Candle candle) throws IOException;

        /** A fill of the executor (oms.fills): entry prices for stop losses. */
        void fill(Fill fill) throws IOException;
    }

    /** The executor with the paper broker; its order events and fills go to the sink. */
    interface Executor extends Closeable {
        /** @return the fills of resting orders the trade caused */
        List<Fill> trade(Trade trade) throws IOException;

        /** @return the fills of the signal's order */
        List<Fill> signal(Signal signal) throws IOException;
    }
}
